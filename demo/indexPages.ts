/** Home pages and paginated category indexes. */
import { easternDateOnly } from './dates.js';
import { escapeHtml, link, renderLayout } from './html.js';
import { latestArticles, type PageContext } from './pageContext.js';
import { EN_CATEGORIES, EN_SITE_NAME } from './phrasesEn.js';
import { ZH_CATEGORIES, ZH_SITE_NAME } from './phrasesZh.js';
import type { DemoArticle, DemoLang } from './types.js';

export const CATEGORY_PAGE_SIZE = 5;

/** Page 1 is `/zh/guonei/`; page k is `/zh/guonei/index_{k-1}.html` (zh) or `/en/world/page/{k}/` (en). */
export function categoryPagePath(lang: DemoLang, slug: string, page: number): string {
  if (page <= 1) return `/${lang}/${slug}/`;
  return lang === 'zh' ? `/zh/${slug}/index_${page - 1}.html` : `/en/${slug}/page/${page}/`;
}

/** Parses a category index path; null when the path is not one. */
export function parseCategoryPath(path: string): { lang: DemoLang; slug: string; page: number } | null {
  let m = /^\/zh\/([a-z]+)\/(?:index\.html|index_(\d+)\.html)?$/.exec(path);
  if (m && ZH_CATEGORIES.some((c) => c.slug === m![1])) return { lang: 'zh', slug: m[1], page: m[2] ? Number(m[2]) + 1 : 1 };
  m = /^\/en\/([a-z]+)\/(?:page\/(\d+)\/)?$/.exec(path);
  if (m && EN_CATEGORIES.some((c) => c.slug === m![1])) return { lang: 'en', slug: m[1], page: m[2] ? Number(m[2]) : 1 };
  return null;
}

function categoryName(lang: DemoLang, slug: string): string {
  const cats = lang === 'zh' ? ZH_CATEGORIES : EN_CATEGORIES;
  return cats.find((c) => c.slug === slug)?.name ?? slug;
}

function teaser(article: DemoArticle): string {
  const first = article.body[0];
  return article.lang === 'zh' ? first.slice(0, 60) + '…' : first.split('. ')[0].replace(/\.?$/, '.');
}

function dateLabel(article: DemoArticle): string {
  return article.lang === 'zh' ? article.publishedAt.slice(0, 10) : easternDateOnly(Date.parse(article.publishedAt));
}

function articleList(ctx: PageContext, articles: DemoArticle[], withTeaser: boolean, offset = 0): string {
  return articles
    .map((a, i) => {
      const extra = withTeaser ? `<p class="summary">${escapeHtml(teaser(a))}</p>` : '';
      return `<li>${link(ctx.articleHref(a.path, i + offset), a.title)} <span class="date">${escapeHtml(dateLabel(a))}</span>${extra}</li>`;
    })
    .join('\n      ');
}

function pagination(lang: DemoLang, slug: string, page: number, pages: number): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (page > 1) parts.push(link(categoryPagePath(lang, slug, 1), zh ? '首页' : 'First'), link(categoryPagePath(lang, slug, page - 1), zh ? '上一页' : '‹ Newer'));
  for (let p = 1; p <= pages; p++) parts.push(p === page ? `<span class="current">${p}</span>` : link(categoryPagePath(lang, slug, p), String(p)));
  if (page < pages) parts.push(link(categoryPagePath(lang, slug, page + 1), zh ? '下一页' : 'Older ›'), link(categoryPagePath(lang, slug, pages), zh ? '尾页' : 'Last'));
  return `<div class="pagination">${parts.join(' ')}</div>`;
}

/** A category index page, or null when `page` is past the end. */
export function renderCategoryPage(ctx: PageContext, lang: DemoLang, slug: string, page: number): string | null {
  const all = latestArticles(ctx, lang, Infinity).filter((a) => a.categorySlug === slug);
  const pages = Math.max(1, Math.ceil(all.length / CATEGORY_PAGE_SIZE));
  if (page < 1 || page > pages) return null;
  const items = all.slice((page - 1) * CATEGORY_PAGE_SIZE, page * CATEGORY_PAGE_SIZE);
  const name = categoryName(lang, slug);
  const zh = lang === 'zh';
  const broken = ctx.faultPaths && page === pages ? `<p class="archive">${link(ctx.faultPaths.notFound, zh ? '往期回顾：已下线稿件' : 'Archive: removed story')}</p>` : '';
  const body = `<div class="crumb">${link(zh ? '/' : '/en/', zh ? '首页' : 'Home')} &gt; ${escapeHtml(name)}</div>
    <h1 class="column-title">${escapeHtml(name)}</h1>
    <ul class="news-list">
      ${articleList(ctx, items, !zh)}
    </ul>
    ${pagination(lang, slug, page, pages)}
    ${broken}`;
  const title = zh ? `${name}_${ZH_SITE_NAME}` : `${name} | ${EN_SITE_NAME}`;
  return renderLayout({ lang, title: page > 1 ? `${title} - ${zh ? '第' + page + '页' : 'Page ' + page}` : title, body });
}

function faultLinks(ctx: PageContext): string {
  const f = ctx.faultPaths;
  if (!f) return '';
  const sid = ctx.sessionId();
  return `<div class="special"><h3>专题 · 服务</h3><ul>
      <li>${link(f.redirectChain, '旧版网址：本网新闻回顾')}</li>
      <li>${link(f.redirectLoop, '跳转到移动版')}</li>
      <li>${link(f.slow, '深度报道：一座城市的十年变迁')}</li>
      <li>${link(f.huge, '2025年统计公报全文')}</li>
      <li>${link(f.notFound, '往期回顾：已下线稿件')}</li>
      <li>${link(f.calendarTrap, '新闻日历')}</li>
      <li>${link(`/?sid=${sid}`, '个人中心')}</li>
      <li>${link(`/zh/guonei/;jsessionid=${sid.toUpperCase()}`, '国内新闻（会员版）')}</li>
    </ul></div>`;
}

/** `/`: the Chinese portal home with an English block. */
export function renderHome(ctx: PageContext): string {
  const zhLatest = latestArticles(ctx, 'zh', 8);
  const top = zhLatest[0];
  const sections = ZH_CATEGORIES.map((c) => {
    const items = latestArticles(ctx, 'zh', Infinity).filter((a) => a.categorySlug === c.slug).slice(0, 3);
    return `<section class="column"><h2>${link(`/zh/${c.slug}/`, c.name)} <small>${link(`/zh/${c.slug}/`, '更多>>')}</small></h2><ul>
      ${articleList(ctx, items, false, 20)}
    </ul></section>`;
  }).join('\n    ');
  const headline = top ? `<div class="headline">${link(ctx.articleHref(top.path, 0), top.title)}<p>${escapeHtml(teaser(top))}</p></div>` : '';
  const body = `${headline}
    <section class="focus"><h2>要闻</h2><ul>
      ${articleList(ctx, zhLatest.slice(1), false, 1)}
    </ul></section>
    ${sections}
    <section class="english"><h2>${link('/en/', 'English News')}</h2><ul>
      ${articleList(ctx, latestArticles(ctx, 'en', 5), false, 40)}
    </ul></section>
    ${faultLinks(ctx)}
    <p class="more">${link('/search?q=%E5%B1%B1%E4%B8%9C', '搜索更多新闻')} | ${link('/private/drafts/latest.html', '待审稿件')}</p>`;
  return renderLayout({ lang: 'zh', title: `${ZH_SITE_NAME} - 权威新闻 本地资讯`, head: '<meta name="description" content="东海新闻网：国内、国际、财经新闻">', body });
}

/** `/en/`: the English home. */
export function renderEnHome(ctx: PageContext): string {
  const latest = latestArticles(ctx, 'en', 10);
  const sections = EN_CATEGORIES.map((c) => {
    const items = latestArticles(ctx, 'en', Infinity).filter((a) => a.categorySlug === c.slug).slice(0, 3);
    return `<section class="section-front"><h2>${link(`/en/${c.slug}/`, c.name)}</h2><ul>
      ${articleList(ctx, items, false, 30)}
    </ul></section>`;
  }).join('\n    ');
  const body = `<section class="top-stories"><h1>Top stories</h1><ul>
      ${articleList(ctx, latest, true)}
    </ul></section>
    ${sections}
    <p>${link('/search?q=markets', 'Search the archive')}</p>`;
  return renderLayout({ lang: 'en', title: `${EN_SITE_NAME} — News, Business, Technology`, body });
}
