/** Child-process side of startMultiHostSiteProcess (worker-site.ts): serves, and answers `requests` / `close` over IPC. */
import { startMultiHostSite } from './worker-site.js';

const site = await startMultiHostSite(JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof startMultiHostSite>[0]);
process.send!({ origins: site.origins, articleUrls: site.articleUrls });
process.on('message', (m) => {
  if (m === 'requests') process.send!(site.requests);
  if (m === 'close') void site.close().finally(() => process.exit(0));
});
// The parent gone (a killed test run): the site goes too.
process.on('disconnect', () => process.exit(0));
