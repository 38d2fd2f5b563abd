/**
 * A bundled, deterministic demo news site for exercising snapcrawl end to end, bound to 127.0.0.1.
 * Content is fictional and generated from `seed`: by default 40 articles, half Chinese (东海新闻网)
 * and half English (Harbor Daily), with realistic page clutter and varied metadata patterns.
 *
 * Always served:
 *   /                                   Chinese portal home (headlines, category blocks, English block)
 *   /en/                                English home
 *   /zh/{guonei|guoji|caijing}/         category index page 1; page k: /zh/{cat}/index_{k-1}.html
 *   /en/{world|business|tech}/          category index page 1; page k: /en/{cat}/page/{k}/
 *   /zh/{cat}/{yyyymm}/{dd}/t{yyyymmdd}_{id}.html   Chinese article (UTF-8, or GBK: every 4th one;
 *                                       the first GBK one declares it ONLY in <meta charset="gbk"> with a
 *                                       bare `Content-Type: text/html`, others send `charset=GBK`)
 *   /en/{cat}/{yyyy}/{mm}/{dd}/{slug}   English article (UTF-8)
 *                                       Articles carry ETag + Last-Modified and answer 304 to If-None-Match /
 *                                       If-Modified-Since. Query strings are ignored (tracking params work).
 *   /robots.txt                         `User-agent: *` disallows /private/ and /search; GreedyBot gets
 *                                       Crawl-delay 30 and Disallow /; Sitemap: line
 *   /sitemap.xml                        every article with <lastmod>
 *   /rss.xml                            RSS 2.0, latest 20 articles
 *   /private/…, /search?q=…             disallowed by robots.txt but linked from pages and served (200)
 *   /about.html, /special/promo.html    footer / ad targets
 *   /images/….jpg, /static/site.css     tiny JPEG, stylesheet
 *   anything with ;jsessionid=…         routed as if the path parameter were absent
 *   anything else                       404 HTML page
 *
 * Only with `faults: true` (see `faultPaths` for the exact paths chosen):
 *   /old/news/{id}.html                 301 → /r/{id} → 302 → the article
 *   /loop/a ↔ /loop/b                   302 redirect loop
 *   faultPaths.flaky500                 an article: 500 on its first request, then 200
 *   faultPaths.rateLimited              an article: 429 + `Retry-After: 1` on its first request, then 200
 *   /special/slow.html                  answers after `slowMs` (default 2000 ms)
 *   /special/huge.html                  ~5 MB HTML page
 *   /zh/guonei/202510/01/t20251001_404404.html   linked, looks like an article, 404
 *   /calendar/{yyyy}/{mm}?page=N        endless calendar: links to page N+1, the next month, and
 *                                       session-id variants (;jsessionid=…, &sid=…) that change on every render
 *   /?sid=…, /zh/guonei/;jsessionid=…   session-id links on the home page (fresh ids each render)
 *   article links with ?utm_…, ?spm=…, ?fbclid=…  every third article link on home/index/article pages
 *   (resetFaults() re-arms the one-shot 500 / 429.)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createArticle, generateArticles, nextSlot } from './articleGenerator.js';
import { beijingIso, utcIso } from './dates.js';
import { chooseFaultPaths, type FaultState } from './faultRoutes.js';
import { DISALLOWED_PATHS } from './feeds.js';
import { trackingHref, type PageContext } from './pageContext.js';
import { createRandom, mixSeed } from './random.js';
import { route } from './siteRoutes.js';
import type { ArticleEdit, DemoArticle, DemoLang, NewsSite, NewsSiteOptions, RecordedRequest } from './types.js';

export type { NewsSite, NewsSiteOptions, DemoArticle } from './types.js';

export async function startNewsSite(options: NewsSiteOptions = {}): Promise<NewsSite> {
  const seed = options.seed ?? 1;
  const faultsOn = options.faults ?? false;
  const articles = generateArticles(options.articles ?? 40, seed);
  const requests: RecordedRequest[] = [];
  const sessionRng = createRandom(mixSeed(seed, 0x5e55));
  const faultPaths = faultsOn ? chooseFaultPaths(articles) : undefined;
  const faultState: FaultState | undefined = faultPaths ? { paths: faultPaths, slowMs: options.slowMs ?? 2000, hits: new Map() } : undefined;
  let origin = '';
  const ctx: PageContext = {
    get origin() {
      return origin;
    },
    faults: faultsOn,
    faultPaths,
    articles,
    articleHref: (path, n) => trackingHref(path, n, faultsOn),
    sessionId: () => sessionRng.hex(16),
  };

  const pendingTimers = new Set<NodeJS.Timeout>();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    requests.push({ method, path: req.url ?? '/', userAgent: req.headers['user-agent'] ?? '', at: Date.now() });
    let response;
    try {
      response = route({ method, target: req.url ?? '/', headers: req.headers }, ctx, faultState);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`demo site error: ${(error as Error).message}\n`);
      return;
    }
    const { status, headers, body } = response;
    const send = (): void => {
      if (res.destroyed) return;
      const lengthHeader = status === 304 ? {} : { 'content-length': String(body.length) };
      res.writeHead(status, { server: 'demo-news/1.0', ...headers, ...lengthHeader });
      res.end(method === 'HEAD' || status === 304 ? undefined : body);
    };
    if (!response.delayMs) return send();
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      send();
    }, response.delayMs);
    pendingTimers.add(timer);
  };

  const server = createServer(handle);
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const findArticle = (path: string): DemoArticle => {
    const article = articles.find((a) => a.path === path);
    if (!article) throw new Error(`demo site has no article at ${path}`);
    return article;
  };

  return {
    url: origin,
    requests,
    articles,
    disallowedPaths: [...DISALLOWED_PATHS],
    faultPaths,
    resetRequests: () => {
      requests.length = 0;
    },
    resetFaults: () => faultState?.hits.clear(),
    mutate: {
      addArticle(lang: DemoLang = 'zh') {
        const titles = new Set(articles.map((a) => a.title));
        const article = createArticle(nextSlot(articles, lang), seed, (t) => titles.has(t));
        articles.push(article);
        return article;
      },
      editArticle(path: string, edit: ArticleEdit) {
        const article = findArticle(path);
        Object.assign(article, edit);
        const nowMs = Math.floor(Date.now() / 1000) * 1000;
        article.modifiedAt = article.lang === 'zh' ? beijingIso(nowMs) : utcIso(nowMs);
        return article;
      },
      deleteArticle(path: string) {
        articles.splice(articles.indexOf(findArticle(path)), 1);
      },
    },
    close: async () => {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
