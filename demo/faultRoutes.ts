/** Routes that only exist with `faults: true`: redirects, loops, one-shot errors, slow/huge pages, traps. */
import type { PageContext } from './pageContext.js';
import { renderCalendar, renderHuge, renderSlow } from './miscPages.js';
import { htmlResponse, redirectResponse, textResponse, type RouteResponse } from './responses.js';
import type { DemoArticle, FaultPaths } from './types.js';

export interface FaultState {
  paths: FaultPaths;
  slowMs: number;
  /** How many times each one-shot fault path has been requested. */
  hits: Map<string, number>;
  hugeBody?: Buffer;
}

/** Picks which articles carry the faults: stable choices among the generated ones. */
export function chooseFaultPaths(articles: readonly DemoArticle[]): FaultPaths {
  const zh = articles.filter((a) => a.lang === 'zh');
  const en = articles.filter((a) => a.lang === 'en');
  const pick = (list: DemoArticle[], i: number): DemoArticle => list[Math.min(i, list.length - 1)] ?? articles[0];
  const target = pick(zh, 2);
  return {
    redirectChain: `/old/news/${target.id}.html`,
    redirectTarget: target.path,
    redirectLoop: '/loop/a',
    flaky500: pick(zh, 1).path,
    rateLimited: pick(en, 1).path,
    slow: '/special/slow.html',
    notFound: '/zh/guonei/202510/01/t20251001_404404.html',
    huge: '/special/huge.html',
    calendarTrap: '/calendar/2025/10?page=1',
  };
}

/** Counts a hit and says whether this is the first one since the last reset. */
function firstHit(state: FaultState, path: string): boolean {
  const n = state.hits.get(path) ?? 0;
  state.hits.set(path, n + 1);
  return n === 0;
}

/**
 * Answers a fault path, or returns undefined to let the normal routes handle the request
 * (including the second and later requests of the one-shot 500 / 429 articles).
 */
export function routeFault(state: FaultState, ctx: PageContext, path: string, query: URLSearchParams): RouteResponse | undefined {
  const old = /^\/old\/news\/(\d+)\.html$/.exec(path);
  if (old) return redirectResponse(301, `/r/${old[1]}`);
  const hop = /^\/r\/(\d+)$/.exec(path);
  if (hop) {
    const article = ctx.articles.find((a) => a.id === Number(hop[1]));
    return article ? redirectResponse(302, article.path) : undefined;
  }
  if (path === '/loop/a') return redirectResponse(302, '/loop/b');
  if (path === '/loop/b') return redirectResponse(302, '/loop/a');

  if (path === state.paths.flaky500 && firstHit(state, path)) {
    return textResponse('<h1>500 Internal Server Error</h1>', 'text/html; charset=utf-8', 500);
  }
  if (path === state.paths.rateLimited && firstHit(state, path)) {
    const r = textResponse('<h1>429 Too Many Requests</h1>', 'text/html; charset=utf-8', 429);
    return { ...r, headers: { ...r.headers, 'retry-after': '1' } };
  }
  if (path === state.paths.slow) return { ...htmlResponse(renderSlow()), delayMs: state.slowMs };
  if (path === state.paths.huge) {
    state.hugeBody ??= Buffer.from(renderHuge(), 'utf8');
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: state.hugeBody };
  }
  const cal = /^\/calendar\/(\d{4})\/(\d{1,2})\/?$/.exec(path);
  if (cal) {
    const month = Number(cal[2]);
    const page = Math.max(1, Math.min(Number(query.get('page') ?? '1') || 1, 1_000_000_000));
    if (month >= 1 && month <= 12) return htmlResponse(renderCalendar(ctx, Number(cal[1]), month, page));
  }
  return undefined;
}
