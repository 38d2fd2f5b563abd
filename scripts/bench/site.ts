/**
 * The bench's news site, in its own process so neither crawler pays for serving pages in its CPU
 * figures: `node --import tsx scripts/bench/site.ts <articles>` prints one JSON line `{ url }` once it
 * listens on 127.0.0.1, and serves until stdin closes (the parent exiting ends it too).
 */
import { startNewsSite } from '../../demo/index.js';

const articles = Number(process.argv[2] ?? 2000);
const site = await startNewsSite({ articles });
// The site records every request for tests; a bench run of 20 000 articles does not need the list.
setInterval(() => site.resetRequests(), 5000).unref();
process.stdout.write(`${JSON.stringify({ url: site.url, articles: site.articles.length })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void site.close().finally(() => process.exit(0)));
process.on('SIGTERM', () => void site.close().finally(() => process.exit(0)));
