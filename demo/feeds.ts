/** robots.txt, sitemap.xml and rss.xml of the demo site. */
import { httpDate } from './dates.js';
import { escapeHtml } from './html.js';
import { latestArticles, type PageContext } from './pageContext.js';
import { ZH_SITE_NAME } from './phrasesZh.js';
import type { DemoArticle } from './types.js';

/** Prefixes disallowed for `User-agent: *`. */
export const DISALLOWED_PATHS = ['/private/', '/search'];

export function renderRobots(origin: string): string {
  return `# robots.txt for ${ZH_SITE_NAME} (snapcrawl demo site)

User-agent: GreedyBot
Crawl-delay: 30
Disallow: /

User-agent: *
${DISALLOWED_PATHS.map((p) => `Disallow: ${p}`).join('\n')}
Allow: /

Sitemap: ${origin}/sitemap.xml
`;
}

function lastModified(article: DemoArticle): string {
  return article.modifiedAt ?? article.publishedAt;
}

/** Milliseconds of the newest change among the articles (for Last-Modified headers). */
export function newestChangeMs(articles: readonly DemoArticle[]): number {
  return articles.reduce((m, a) => Math.max(m, Date.parse(lastModified(a))), 0);
}

export function renderSitemap(ctx: PageContext): string {
  const urls = latestArticles(ctx, 'any', Infinity).map(
    (a) => `  <url>
    <loc>${escapeHtml(ctx.origin + a.path)}</loc>
    <lastmod>${lastModified(a)}</lastmod>
    <changefreq>${a.modifiedAt ? 'daily' : 'monthly'}</changefreq>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

export const RSS_ITEM_COUNT = 20;

export function renderRss(ctx: PageContext): string {
  const items = latestArticles(ctx, 'any', RSS_ITEM_COUNT).map((a) => {
    const url = escapeHtml(ctx.origin + a.path);
    const author = a.author ? `\n      <dc:creator>${escapeHtml(a.author)}</dc:creator>` : '';
    return `    <item>
      <title>${escapeHtml(a.title)}</title>
      <link>${url}</link>
      <guid isPermaLink="true">${url}</guid>
      <pubDate>${httpDate(Date.parse(a.publishedAt))}</pubDate>
      <category>${escapeHtml(a.category)}</category>${author}
      <description>${escapeHtml(a.body[0])}</description>
    </item>`;
  });
  const newest = newestChangeMs(ctx.articles);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${ZH_SITE_NAME} / Harbor Daily</title>
    <link>${escapeHtml(ctx.origin)}/</link>
    <description>东海新闻网最新新闻 · Latest news from Harbor Daily (snapcrawl demo)</description>
    <language>zh-cn</language>
    <lastBuildDate>${httpDate(newest)}</lastBuildDate>
${items.join('\n')}
  </channel>
</rss>
`;
}
