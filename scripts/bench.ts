/**
 * `npm run bench`: the speed figures, each measured against a peer in the same run where one exists.
 *   1. crawl throughput end to end on the local demo site, with the crawler's peak RSS (first, so the
 *      figure is not inflated by jsdom from the extraction peer);
 *   2. extraction alone: snapcrawl's extractor vs @mozilla/readability + jsdom on the same pages, one core;
 *   3. browser mode vs HTTP mode (skipped, with the reason, when Chromium is not installed).
 */
import { runBrowserBench } from './bench-browser.js';
import { runCrawlBench } from './bench-crawl.js';
import { runExtractBench } from './bench-extract.js';

console.log('== crawl throughput (demo site on loopback, no politeness delay) ==');
const cr = await runCrawlBench({});
console.log(`median ${cr.medianPagesPerSecond.toFixed(1)} pages/s over ${cr.runs.length} runs, article images archived; peak RSS ${cr.peakRssMb.toFixed(0)} MB`);
const pagesOnly = await runCrawlBench({ images: false });
console.log(`median ${pagesOnly.medianPagesPerSecond.toFixed(1)} pages/s with images: false (pages alone)`);

console.log('\n== extraction (pages/s, one core) ==');
console.log(JSON.stringify(await runExtractBench({}), null, 2));

console.log('\n== browser mode vs HTTP mode ==');
console.log(JSON.stringify(await runBrowserBench(), null, 2));
