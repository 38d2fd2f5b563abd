/** HTML helpers and the page chrome (header, nav, footer) shared by every demo page. */
import { EN_CATEGORIES, EN_SITE_NAME } from './phrasesEn.js';
import { ZH_CATEGORIES, ZH_SITE_NAME } from './phrasesZh.js';
import type { DemoLang } from './types.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON for a `<script type="application/ld+json">` block (no `</script>` break-out). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
}

export function link(href: string, text: string, attrs = ''): string {
  return `<a href="${escapeHtml(href)}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(text)}</a>`;
}

/** How the page declares its charset in `<head>`. */
export type CharsetDeclaration = 'utf-8' | 'gbk-meta' | 'gbk-http-equiv';

export interface LayoutOptions {
  lang: DemoLang;
  /** Full `<title>` text. */
  title: string;
  charset?: CharsetDeclaration;
  /** Extra `<head>` markup (meta tags, JSON-LD). */
  head?: string;
  body: string;
}

function charsetTag(charset: CharsetDeclaration): string {
  if (charset === 'gbk-meta') return '<meta charset="gbk">';
  if (charset === 'gbk-http-equiv') return '<meta http-equiv="Content-Type" content="text/html; charset=gbk">';
  return '<meta charset="utf-8">';
}

function zhHeader(): string {
  const nav = ZH_CATEGORIES.map((c) => link(`/zh/${c.slug}/`, c.name)).join('\n      ');
  return `<div class="topbar"><span>欢迎访问${ZH_SITE_NAME}</span> ${link('/private/login.html', '登录')} | ${link('/en/', 'English')}</div>
  <header class="site-header">
    <a class="logo" href="/">${ZH_SITE_NAME}</a>
    <nav class="main-nav">
      ${link('/', '首页')}
      ${nav}
      ${link('/search?q=%E7%83%AD%E7%82%B9', '搜索')}
    </nav>
    <form class="search" action="/search" method="get"><input name="q" placeholder="请输入关键词"><button>搜索</button></form>
  </header>`;
}

function enHeader(): string {
  const nav = EN_CATEGORIES.map((c) => link(`/en/${c.slug}/`, c.name)).join('\n      ');
  return `<header class="site-header en">
    <a class="logo" href="/en/">${EN_SITE_NAME}</a>
    <nav class="main-nav">
      ${link('/en/', 'Home')}
      ${nav}
      ${link('/search?q=news', 'Search')}
      ${link('/', '中文')}
    </nav>
    <a class="subscribe" href="/private/subscribe.html">Subscribe</a>
  </header>`;
}

function zhFooter(): string {
  return `<footer class="site-footer">
    <p>${link('/about.html', '关于我们')} | ${link('/about.html#contact', '联系我们')} | ${link('/private/cms/index.html', '采编系统')} | ${link('/rss.xml', 'RSS订阅')}</p>
    <p>Copyright &copy; 2025 ${ZH_SITE_NAME} 版权所有 未经授权禁止转载</p>
    <p>东ICP备00000000号 违法和不良信息举报电话：0000-00000000</p>
  </footer>`;
}

function enFooter(): string {
  return `<footer class="site-footer en">
    <p>${link('/about.html', 'About us')} · ${link('/private/staff.html', 'Staff login')} · ${link('/rss.xml', 'RSS')}</p>
    <p>&copy; 2025 ${EN_SITE_NAME}. All rights reserved.</p>
  </footer>`;
}

const ANALYTICS = `<script>
  window.dataLayer = window.dataLayer || [];
  (function () { var t = new Date().getTime(); window.dataLayer.push({ event: 'pageview', ts: t }); })();
</script>`;

export function renderLayout(opts: LayoutOptions): string {
  const zh = opts.lang === 'zh';
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
  ${charsetTag(opts.charset ?? 'utf-8')}
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(opts.title)}</title>
  <link rel="stylesheet" href="/static/site.css">
  <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
  ${opts.head ?? ''}
</head>
<body>
  ${zh ? zhHeader() : enHeader()}
  <div class="ad ad-banner">${zh ? '广告' : 'Advertisement'} ${link('/special/promo.html', zh ? '秋季家电以旧换新 最高补贴2000元' : 'Try Harbor Daily Premium free for 30 days')}</div>
  <div class="wrap">
${opts.body}
  </div>
  ${zh ? zhFooter() : enFooter()}
  ${ANALYTICS}
</body>
</html>
`;
}

export const SITE_CSS = `body{font-family:sans-serif;margin:0;color:#222}
.wrap{max-width:980px;margin:0 auto;padding:0 12px}
.site-header{background:#0b4f8a;color:#fff;padding:8px 12px}.site-header a{color:#fff;margin-right:10px}
.ad{background:#f4f4f4;border:1px dashed #ccc;padding:6px;margin:8px 0;font-size:12px}
.content p{line-height:1.8}.sidebar{font-size:14px}.site-footer{border-top:1px solid #ddd;margin-top:24px;padding:12px;font-size:12px;color:#666}
`;
