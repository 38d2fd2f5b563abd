// Entry of an extraction worker thread (extractPool.ts). Plain JavaScript so Node loads it however the
// crawl was started (`node --import tsx`, bin/snapcrawl.js with tsx registered in the main thread only,
// the test runner): tsImport brings tsx's loader to this thread for the one TypeScript module it needs.
import { tsImport } from 'tsx/esm/api';

const { runExtractTask } = await tsImport('./extractTask.ts', import.meta.url);

export default runExtractTask;
