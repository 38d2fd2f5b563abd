/** English article page: byline, ET timestamp, and a different metadata pattern per template. */
import { easternDateOnly, easternDisplay } from './dates.js';
import { escapeHtml, jsonForScript, link, renderLayout } from './html.js';
import { latestArticles, relatedArticles, type PageContext } from './pageContext.js';
import { EN_COMMENTS, EN_SITE_NAME, EN_USER_NAMES } from './phrasesEn.js';
import { createRandom } from './random.js';
import type { DemoArticle } from './types.js';

function metaHead(article: DemoArticle, ctx: PageContext): string {
  if (article.template === 'en-plain') return '';
  const url = ctx.origin + article.path;
  const og = `<meta name="description" content="${escapeHtml(article.body[0].slice(0, 160))}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="${escapeHtml(article.title)}">
  <meta property="og:url" content="${escapeHtml(url)}">
  <meta property="og:site_name" content="${EN_SITE_NAME}">
  ${article.images[0] ? `<meta property="og:image" content="${escapeHtml(ctx.origin + article.images[0].src)}">` : ''}
  <meta property="article:published_time" content="${article.publishedAt}">
  <meta property="article:section" content="${escapeHtml(article.category)}">
  ${article.tags.map((t) => `<meta property="article:tag" content="${escapeHtml(t)}">`).join('\n  ')}
  <link rel="canonical" href="${escapeHtml(url)}">`;
  if (article.template === 'en-og') {
    return `${og}
  ${article.author ? `<meta name="author" content="${escapeHtml(article.author)}">` : ''}`;
  }
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.publishedAt,
    ...(article.modifiedAt ? { dateModified: article.modifiedAt } : {}),
    ...(article.author ? { author: [{ '@type': 'Person', name: article.author }] } : {}),
    publisher: { '@type': 'Organization', name: EN_SITE_NAME },
    articleSection: article.category,
    keywords: article.tags,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  };
  return `${og}
  <script type="application/ld+json">${jsonForScript(ld)}</script>`;
}

function byline(article: DemoArticle, ms: number): string {
  const by = article.author ? `<span class="byline">By <span class="author">${escapeHtml(article.author)}</span></span>` : '';
  if (article.template === 'en-og') {
    return `<div class="meta">${by} <time datetime="${article.publishedAt}">${easternDateOnly(ms)}</time></div>`;
  }
  if (article.template === 'en-plain') {
    return `<div class="meta">${by}<p class="dateline">Published ${easternDisplay(ms)}</p></div>`;
  }
  return `<div class="meta">${by} <span class="timestamp">${easternDisplay(ms)}</span></div>`;
}

function bodyHtml(article: DemoArticle): string {
  const out: string[] = [];
  article.body.forEach((para, i) => {
    out.push(`<p>${escapeHtml(para)}</p>`);
    const image = i === 0 ? article.images[0] : i === 2 ? article.images[1] : undefined;
    if (image) {
      out.push(`<figure><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.caption)}"><figcaption>${escapeHtml(image.caption)}</figcaption><span class="credit">Photo: ${EN_SITE_NAME}</span></figure>`);
    }
    if (i === 1) out.push(`<aside class="inline-promo">Read more: ${link('/en/', 'Top stories from Harbor Daily')}</aside>`);
  });
  return out.join('\n      ');
}

function commentsHtml(article: DemoArticle): string {
  const rng = createRandom(article.id * 17);
  const items = rng.sample(EN_COMMENTS, rng.int(1, 3)).map(
    (text) => `<li><strong>${escapeHtml(rng.pick(EN_USER_NAMES))}</strong> <span class="ago">${rng.int(1, 23)}h ago</span><p>${escapeHtml(text)}</p></li>`,
  );
  return `<section class="comments" id="comments"><h2>Comments (${items.length})</h2><ol>${items.join('')}</ol>
      <p>${link('/private/subscribe.html', 'Sign in to join the conversation')}</p></section>`;
}

export function renderEnArticle(article: DemoArticle, ctx: PageContext): string {
  const ms = Date.parse(article.publishedAt);
  const related = relatedArticles(ctx, article, 4)
    .map((a, i) => `<li>${link(ctx.articleHref(a.path, i), a.title)}</li>`)
    .join('\n        ');
  const mostRead = latestArticles(ctx, 'en', 5)
    .map((a, i) => `<li>${link(ctx.articleHref(a.path, i + 1), a.title)}</li>`)
    .join('\n        ');
  const body = `<nav class="breadcrumb">${link('/en/', 'Home')} › ${link(`/en/${article.categorySlug}/`, article.category)}</nav>
    <article class="story">
      <h1 class="headline">${escapeHtml(article.title)}</h1>
      ${byline(article, ms)}
      <div class="share"><a href="#" data-share="x">Share on X</a> <a href="#" data-share="facebook">Facebook</a> <a href="#" data-share="email">Email</a> <button class="copy-link">Copy link</button></div>
      <div class="story-body">
      ${bodyHtml(article)}
      </div>
      <ul class="tags">${article.tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>
    </article>
    <div class="newsletter"><h3>Get the morning briefing</h3><form action="/private/newsletter" method="post"><input type="email" name="email" placeholder="you@example.com"><button>Sign up</button></form></div>
    <div class="ad ad-inline">Advertisement</div>
    <section class="related"><h2>More from ${escapeHtml(article.category)}</h2><ul>
        ${related}
    </ul></section>
    ${commentsHtml(article)}
    <aside class="most-read"><h2>Most read</h2><ol>
        ${mostRead}
    </ol></aside>`;
  return renderLayout({ lang: 'en', title: `${article.title} | ${EN_SITE_NAME}`, head: metaHead(article, ctx), body });
}
