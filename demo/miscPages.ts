/** Small non-article pages: about, promo, search, private area, calendar trap, slow, huge, 404. */
import { escapeHtml, link, renderLayout } from './html.js';
import { latestArticles, type PageContext } from './pageContext.js';
import { ZH_SITE_NAME } from './phrasesZh.js';

export function renderAbout(): string {
  return renderLayout({
    lang: 'zh',
    title: `关于我们_${ZH_SITE_NAME}`,
    body: `<h1>关于我们</h1>
    <p>${ZH_SITE_NAME}是一家虚构的综合性新闻网站，本页面由 snapcrawl 演示程序生成，所有内容均为示例。</p>
    <h2 id="contact">联系我们</h2><p>地址：东海市示例路1号 邮编：000000</p>`,
  });
}

export function renderPromo(): string {
  return renderLayout({ lang: 'zh', title: `活动专题_${ZH_SITE_NAME}`, body: `<h1>活动专题</h1><p>本页面为广告落地页示例。</p><p>${link('/', '返回首页')}</p>` });
}

/** Anything under /private/ (disallowed by robots.txt): a login wall that still links onward. */
export function renderPrivate(path: string): string {
  return renderLayout({
    lang: 'zh',
    title: `内部系统_${ZH_SITE_NAME}`,
    body: `<h1>采编内部系统</h1><p>您访问的页面（${escapeHtml(path)}）需要登录。</p>
    <p>${link('/private/drafts/latest.html', '待审稿件')} | ${link('/private/cms/index.html', '稿件管理')}</p>`,
  });
}

/** `/search?q=…` (disallowed by robots.txt): results that link to articles. */
export function renderSearch(ctx: PageContext, query: string): string {
  const matches = latestArticles(ctx, 'any', Infinity).filter((a) => query && (a.title.includes(query) || a.body.some((p) => p.includes(query))));
  const shown = (matches.length > 0 ? matches : latestArticles(ctx, 'any', 5)).slice(0, 10);
  return renderLayout({
    lang: 'zh',
    title: `搜索：${query}_${ZH_SITE_NAME}`,
    body: `<h1>搜索结果：${escapeHtml(query)}</h1><p>共找到 ${matches.length} 条结果</p>
    <ul>${shown.map((a) => `<li>${link(a.path, a.title)}</li>`).join('')}</ul>
    <p>${link(`/search?q=${encodeURIComponent(query)}&page=2`, '下一页')}</p>`,
  });
}

/** `/calendar/YYYY/MM?page=N`: an endless archive calendar (spider trap). */
export function renderCalendar(ctx: PageContext, year: number, month: number, page: number): string {
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  const base = `/calendar/${year}/${String(month).padStart(2, '0')}`;
  const all = latestArticles(ctx, 'any', Infinity);
  const sample = all.length > 0 ? [0, 1, 2].map((i) => all[(page * 3 + i) % all.length]) : [];
  return renderLayout({
    lang: 'zh',
    title: `新闻日历 ${year}年${month}月 第${page}页_${ZH_SITE_NAME}`,
    body: `<h1>新闻日历：${year}年${month}月（第${page}页）</h1>
    <ul>${sample.map((a) => `<li>${link(a.path, a.title)}</li>`).join('')}</ul>
    <p>${page > 1 ? link(`${base}?page=${page - 1}`, '上一页') : ''} ${link(`${base}?page=${page + 1}`, '下一页')}
    ${link(`/calendar/${next.y}/${String(next.m).padStart(2, '0')}?page=1`, '下个月')}
    ${link(`${base};jsessionid=${ctx.sessionId().toUpperCase()}?page=${page + 1}`, '下一页（会员）')}
    ${link(`${base}?page=${page}&sid=${ctx.sessionId()}`, '刷新')}</p>`,
  });
}

export function renderSlow(): string {
  return renderLayout({
    lang: 'zh',
    title: `深度报道_${ZH_SITE_NAME}`,
    body: `<h1>深度报道：一座城市的十年变迁</h1><p>这是一个响应很慢的页面，用于测试抓取超时。</p><p>${link('/', '返回首页')}</p>`,
  });
}

/** A ~5 MB page (statistics bulletin with a very long table). */
export function renderHuge(targetBytes = 5 * 1024 * 1024): string {
  const rows: string[] = [];
  let size = 0;
  for (let i = 1; size < targetBytes; i++) {
    const row = `<tr><td>${i}</td><td>指标${i}：规模以上工业增加值分项统计</td><td>${(i * 37) % 1000}.${i % 10}</td><td>${((i * 13) % 200) / 10}%</td></tr>\n`;
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  return renderLayout({
    lang: 'zh',
    title: `2025年统计公报全文_${ZH_SITE_NAME}`,
    body: `<h1>2025年统计公报全文</h1><table class="stats"><tr><th>序号</th><th>指标</th><th>数值</th><th>增速</th></tr>\n${rows.join('')}</table>`,
  });
}

export function renderNotFound(path: string): string {
  return renderLayout({
    lang: 'zh',
    title: `页面不存在_${ZH_SITE_NAME}`,
    body: `<h1>404 页面不存在</h1><p>您访问的页面 ${escapeHtml(path)} 不存在或已被删除。</p><p>${link('/', '返回首页')}</p>`,
  });
}
