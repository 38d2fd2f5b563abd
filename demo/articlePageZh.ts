/** Chinese article page: the clutter of a typical Chinese portal around the ground-truth content. */
import { beijingDisplay, beijingPortalDisplay } from './dates.js';
import { escapeHtml, jsonForScript, link, renderLayout, type CharsetDeclaration } from './html.js';
import { latestArticles, relatedArticles, type PageContext } from './pageContext.js';
import { ZH_COMMENTS, ZH_SITE_NAME, ZH_USER_NAMES } from './phrasesZh.js';
import { createRandom } from './random.js';
import type { DemoArticle, DemoImage } from './types.js';

function charsetDeclaration(article: DemoArticle): CharsetDeclaration {
  if (article.charset === 'utf-8') return 'utf-8';
  return article.gbkDeclaration === 'meta-only' ? 'gbk-meta' : 'gbk-http-equiv';
}

function figure(image: DemoImage, oldStyle: boolean): string {
  if (oldStyle) {
    return `<p style="text-align:center"><img src="${escapeHtml(image.src)}" border="0" alt=""></p>
      <p class="pic-note" style="text-align:center">${escapeHtml(image.caption)}</p>`;
  }
  return `<figure class="pic"><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.caption)}"><figcaption>${escapeHtml(image.caption)}</figcaption></figure>`;
}

/** Paragraphs with images after the 1st and 3rd paragraph; classic pages indent with ideographic spaces. */
function bodyHtml(article: DemoArticle): string {
  const classic = article.template === 'zh-classic';
  const out: string[] = [];
  article.body.forEach((para, i) => {
    out.push(classic ? `<p>\u3000\u3000${escapeHtml(para)}</p>` : `<p>${escapeHtml(para)}</p>`);
    const image = i === 0 ? article.images[0] : i === 2 ? article.images[1] : undefined;
    if (image) out.push(figure(image, classic));
  });
  return out.join('\n      ');
}

function infoLine(article: DemoArticle, ms: number): string {
  if (article.template === 'zh-portal') {
    return `<div class="source-time"><span class="time">${beijingPortalDisplay(ms)}</span>&nbsp;&nbsp;<span class="source">来源：${escapeHtml(article.source ?? ZH_SITE_NAME)}</span></div>`;
  }
  return `<div class="info">类别:${escapeHtml(article.category)} 发布时间:${beijingDisplay(ms)} 来源:${escapeHtml(article.source ?? ZH_SITE_NAME)}</div>`;
}

function metaHead(article: DemoArticle, ctx: PageContext): string {
  if (article.template === 'zh-classic') return `<meta name="keywords" content="${escapeHtml(article.tags.join(','))}">`;
  const url = ctx.origin + article.path;
  const og = `<meta name="keywords" content="${escapeHtml(article.tags.join(','))}">
  <meta name="description" content="${escapeHtml(article.body[0].slice(0, 80))}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="${escapeHtml(article.title)}">
  <meta property="og:url" content="${escapeHtml(url)}">
  <meta property="og:site_name" content="${ZH_SITE_NAME}">
  ${article.images[0] ? `<meta property="og:image" content="${escapeHtml(ctx.origin + article.images[0].src)}">` : ''}
  <link rel="canonical" href="${escapeHtml(url)}">`;
  if (article.template === 'zh-portal') {
    return `${og}
  <meta name="publishdate" content="${article.publishedAt.slice(0, 10)}">
  <meta name="source" content="${escapeHtml(article.source ?? '')}">
  ${article.author ? `<meta name="author" content="${escapeHtml(article.author)}">` : ''}`;
  }
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.publishedAt,
    ...(article.modifiedAt ? { dateModified: article.modifiedAt } : {}),
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    publisher: { '@type': 'Organization', name: ZH_SITE_NAME },
    articleSection: article.category,
    image: article.images.map((i) => ctx.origin + i.src),
    mainEntityOfPage: url,
  };
  return `${og}
  <script type="application/ld+json">${jsonForScript(ld)}</script>`;
}

function commentsHtml(article: DemoArticle): string {
  const rng = createRandom(article.id * 31);
  const items = rng.sample(ZH_COMMENTS, rng.int(2, 4)).map(
    (text, i) => `<li><span class="user">${escapeHtml(rng.pick(ZH_USER_NAMES))}</span> <span class="floor">${i + 1}楼</span><p>${escapeHtml(text)}</p><span class="likes">赞(${rng.int(0, 99)})</span></li>`,
  );
  return `<div class="comments" id="comments"><h3>网友评论</h3><ul>${items.join('')}</ul>
      <p class="tip">文明上网，理性发言。${link('/private/login.html', '登录后发表评论')}</p></div>`;
}

export function renderZhArticle(article: DemoArticle, ctx: PageContext): string {
  const ms = Date.parse(article.publishedAt);
  const related = relatedArticles(ctx, article, 5)
    .map((a, i) => `<li>${link(ctx.articleHref(a.path, i), a.title)} <span class="date">${a.publishedAt.slice(0, 10)}</span></li>`)
    .join('\n        ');
  const hot = latestArticles(ctx, 'zh', 6)
    .map((a, i) => `<li><em>${i + 1}</em>${link(ctx.articleHref(a.path, i + 2), a.title)}</li>`)
    .join('\n        ');
  const editorLine = article.template === 'zh-portal' ? `（责任编辑：${escapeHtml(article.editor ?? '')}）` : `责任编辑:${escapeHtml(article.editor ?? '')}`;
  const body = `<div class="crumb">当前位置：${link('/', '首页')} &gt; ${link(`/zh/${article.categorySlug}/`, article.category)} &gt; 正文</div>
    <div class="main-col">
      <div class="article">
      <h1>${escapeHtml(article.title)}</h1>
      ${infoLine(article, ms)}
      <div class="share-bar">分享到：<a href="#" data-share="weibo">微博</a> <a href="#" data-share="wechat">微信</a> <a href="#" data-share="qzone">QQ空间</a> <a href="#comments">评论</a> <a href="javascript:window.print()">打印</a></div>
      <div class="content" id="content">
      ${bodyHtml(article)}
      </div>
      <div class="editor">${editorLine}</div>
      </div>
      <div class="ad ad-inline">广告 ${link('/special/promo.html', '下载东海新闻客户端 看更多本地新闻')}</div>
      <div class="related"><h3>相关新闻</h3><ul>
        ${related}
      </ul></div>
      ${commentsHtml(article)}
    </div>
    <aside class="sidebar"><h3>热点排行</h3><ol>
        ${hot}
    </ol>
    <div class="ad ad-side">广告位招租 ${link('/special/promo.html', '联系我们')}</div></aside>`;
  return renderLayout({
    lang: 'zh',
    title: `${article.title}_${article.category}_${ZH_SITE_NAME}`,
    charset: charsetDeclaration(article),
    head: metaHead(article, ctx),
    body,
  });
}
