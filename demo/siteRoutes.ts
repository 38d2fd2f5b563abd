/** Maps a request to a response: the regular pages, with fault routes consulted first when enabled. */
import type { IncomingHttpHeaders } from 'node:http';
import { renderEnArticle } from './articlePageEn.js';
import { renderZhArticle } from './articlePageZh.js';
import { routeFault, type FaultState } from './faultRoutes.js';
import { newestChangeMs, renderRobots, renderRss, renderSitemap } from './feeds.js';
import { SITE_CSS } from './html.js';
import { parseCategoryPath, renderCategoryPage, renderEnHome, renderHome } from './indexPages.js';
import { renderAbout, renderNotFound, renderPrivate, renderPromo, renderSearch } from './miscPages.js';
import type { PageContext } from './pageContext.js';
import { gbkHtmlResponse, htmlResponse, textResponse, TINY_JPEG, withValidators, type RouteResponse } from './responses.js';
import type { DemoArticle } from './types.js';

export interface RouteInput {
  method: string;
  /** Request target as received, e.g. `/a/b;jsessionid=X?utm_source=y`. */
  target: string;
  headers: IncomingHttpHeaders;
}

/** Session ids in the path (`;jsessionid=…`) are ignored for routing, like a Java servlet container does. */
export function stripPathSession(pathname: string): string {
  return pathname.replace(/;jsessionid=[^/?#]*/gi, '');
}

function articleResponse(article: DemoArticle, ctx: PageContext, headers: IncomingHttpHeaders): RouteResponse {
  const changedMs = Date.parse(article.modifiedAt ?? article.publishedAt);
  if (article.lang === 'en') return withValidators(htmlResponse(renderEnArticle(article, ctx)), changedMs, headers);
  const html = renderZhArticle(article, ctx);
  const response = article.charset === 'gbk' ? gbkHtmlResponse(html, article.gbkDeclaration === 'header') : htmlResponse(html);
  return withValidators(response, changedMs, headers);
}

function notFound(path: string): RouteResponse {
  return htmlResponse(renderNotFound(path), 404);
}

export function route(input: RouteInput, ctx: PageContext, faults: FaultState | undefined): RouteResponse {
  if (input.method !== 'GET' && input.method !== 'HEAD') {
    const r = textResponse('Method Not Allowed\n', 'text/plain; charset=utf-8', 405);
    return { ...r, headers: { ...r.headers, allow: 'GET, HEAD' } };
  }
  let url: URL;
  try {
    url = new URL(input.target, ctx.origin);
  } catch {
    return textResponse('Bad Request\n', 'text/plain; charset=utf-8', 400);
  }
  let path: string;
  try {
    path = stripPathSession(decodeURI(url.pathname));
  } catch {
    return notFound(url.pathname);
  }

  if (faults) {
    const fault = routeFault(faults, ctx, path, url.searchParams);
    if (fault) return fault;
  }

  switch (path) {
    case '/':
    case '/index.html':
      return htmlResponse(renderHome(ctx));
    case '/en/':
      return htmlResponse(renderEnHome(ctx));
    case '/robots.txt':
      return textResponse(renderRobots(ctx.origin), 'text/plain; charset=utf-8');
    case '/sitemap.xml':
      return withValidators(textResponse(renderSitemap(ctx), 'application/xml; charset=utf-8'), newestChangeMs(ctx.articles), input.headers);
    case '/rss.xml':
      return withValidators(textResponse(renderRss(ctx), 'application/rss+xml; charset=utf-8'), newestChangeMs(ctx.articles), input.headers);
    case '/static/site.css':
      return textResponse(SITE_CSS, 'text/css; charset=utf-8');
    case '/about.html':
      return htmlResponse(renderAbout());
    case '/special/promo.html':
      return htmlResponse(renderPromo());
    case '/search':
      return htmlResponse(renderSearch(ctx, url.searchParams.get('q') ?? ''));
  }
  if (path.startsWith('/private/')) return htmlResponse(renderPrivate(path));
  if (/^\/images\/[\w/-]+\.jpg$/.test(path)) return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: TINY_JPEG };

  const category = parseCategoryPath(path);
  if (category) {
    const html = renderCategoryPage(ctx, category.lang, category.slug, category.page);
    return html === null ? notFound(path) : htmlResponse(html);
  }
  const article = ctx.articles.find((a) => a.path === path);
  if (article) return articleResponse(article, ctx, input.headers);
  return notFound(path);
}
