/**
 * `npm run bench`: the speed figures, each measured against a peer in the same run where one exists.
 *   1. extraction alone: snapcrawl's extractor vs @mozilla/readability + jsdom on the same pages, one core;
 *   2. crawl throughput end to end on the local demo site;
 *   3. browser mode vs HTTP mode (when Chromium is installed).
 */
import { existsSync } from 'node:fs';
import { runCrawlBench } from './bench-crawl.js';
import { runExtractBench } from './bench-extract.js';

console.log('== extraction (pages/s, one core) ==');
const ex = await runExtractBench({});
console.log(JSON.stringify(ex, null, 2));

console.log('\n== crawl throughput (demo site on loopback, no politeness delay) ==');
const cr = await runCrawlBench({});
console.log(`median ${cr.medianPagesPerSecond.toFixed(1)} pages/s over ${cr.runs.length} runs; peak RSS ${cr.peakRssMb.toFixed(0)} MB`);

if (existsSync(new URL('./bench-browser.ts', import.meta.url))) {
  console.log('\n== browser mode vs HTTP mode ==');
  const browserBench = './bench-browser.js'; // optional module: resolved at run time
  const mod = (await import(browserBench)) as { runBrowserBench?: () => Promise<unknown> };
  if (mod.runBrowserBench) console.log(JSON.stringify(await mod.runBrowserBench(), null, 2));
}
