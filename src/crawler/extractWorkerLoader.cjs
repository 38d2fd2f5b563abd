// What piscina loads in each extraction thread: CommonJS on purpose. piscina require()s its task file first, and on
// Node 20.19+ require() of an ES module goes through require(esm), whose synchronous instantiation aborted a CI run
// outright (V8 fatal error "IsGraphAsync must be used on an instantiated module", no exception to catch). This file
// imports the real worker module (the esbuild bundle, or extractWorker.mjs) with import() on the first task, so the
// ES module loader's ordinary asynchronous path does the work. extractPool.ts passes the module's URL in workerData.
'use strict';
const { workerData } = require('node:worker_threads');

let handler;

module.exports = async function runExtractTask(task) {
  handler ??= import(workerData.extractModule).then((m) => m.default);
  return (await handler)(task);
};
