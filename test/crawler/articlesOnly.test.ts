/**
 * Issue 11.2, "articles only": without articlePattern the crawler stores a page only when its own evidence says it
 * is an article. A loopback site of 20 articles (some short), paginated category listings, a home page and a big
 * statistics table page; every article must be stored and nothing else.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeUrl } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { startTestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

interface SiteArticle {
  path: string;
  category: 'business' | 'gn';
  title: string;
  html: string;
}

const NAV = '<div class="nav"><a href="/">Home</a> <a href="/business/">Business</a> <a href="/gn/">国内</a> <a href="/stats/2025.html">Data</a></div>';
const FOOTER = '<div class="footer">© 2025 Loopback News · <a href="/">Home</a></div>';

function layout(title: string, main: string, side = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title} - Loopback News</title></head><body>${NAV}<div class="wrap"><div class="main">${main}</div>${side}</div>${FOOTER}</body></html>`;
}

const EN_PARAS = [
  'The regional bank said on Monday that quarterly profit rose by a fifth, helped by higher interest income and lower provisions for bad loans.',
  'Analysts had expected a smaller increase, and the shares gained four percent in early trading before settling slightly lower by the close.',
  'The chief executive told investors that lending to small firms had picked up again after a slow first half, especially in the manufacturing regions.',
  'The bank also raised its dividend and said it would buy back shares worth up to two hundred million over the next twelve months.',
  'Trade unions welcomed the results but asked the board to share more of the gains with branch staff, whose pay has lagged inflation.',
];
const ZH_PARAS = [
  '记者从市发展改革委获悉，今年前三季度全市固定资产投资同比增长百分之六点八，其中工业投资增长较快，重点项目建设进展顺利。',
  '市发展改革委有关负责人介绍，下一步将继续加大项目谋划和储备力度，优化审批服务流程，推动更多重大项目早开工、早投产、早见效。',
  '据了解，全市今年共安排市级重点项目三百余个，涵盖先进制造业、现代服务业、基础设施和民生保障等多个领域，总投资超过两千亿元。',
  '业内人士认为，投资保持较快增长，为全年经济平稳运行提供了有力支撑，四季度有望延续稳中向好的发展态势。',
];

function related(links: Array<{ path: string; title: string }>): string {
  return `<div class="related"><h3>Related</h3><ul>${links.map((l) => `<li><a href="${l.path}">${l.title}</a></li>`).join('')}</ul></div>`;
}

function buildArticles(): SiteArticle[] {
  const out: SiteArticle[] = [];
  for (let i = 1; i <= 10; i++) {
    const day = String(i).padStart(2, '0');
    const path = `/business/2025/10/${day}/bank-results-${i}.html`;
    const title = `Regional bank number ${i} reports higher quarterly profit`;
    const short = i % 4 === 0; // 3 short ones, with NewsArticle JSON-LD only
    const ld = short ? `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: title, datePublished: `2025-10-${day}T09:00:00Z` })}</script>` : '';
    const paras = short ? '<p>The bank reported higher profit.</p><p>Shares rose 4%.</p>' : EN_PARAS.map((p) => `<p>${p}</p>`).join('');
    const main = `<h1>${title}</h1><p class="meta">By Staff Reporter | October ${i}, 2025</p><div class="content">${paras}</div>`;
    out.push({ path, category: 'business', title, html: layout(title, main).replace('</head>', `${ld}</head>`) });
  }
  for (let i = 1; i <= 10; i++) {
    const day = String(i + 10).padStart(2, '0');
    const path = `/gn/202510/${day}/t202510${day}_${1000 + i}.html`;
    const title = `全市前三季度固定资产投资稳步增长之${i}`;
    const short = i % 3 === 0; // 3 short briefs: two paragraphs, about 120 characters, with a publish time
    const paras = short
      ? '<p>本报讯 记者从市统计局获悉，前三季度全市规模以上工业增加值同比增长百分之七，增速比上半年加快零点五个百分点。</p><p>其中，高技术制造业增长百分之十二，对全市工业增长的贡献率超过三成，新动能加快成长。</p>'
      : ZH_PARAS.map((p) => `<p>${p}</p>`).join('');
    const main = `<h1>${title}</h1><div class="info">2025-10-${day} 08:30 来源：本报</div><div class="article-content">${paras}</div>`;
    out.push({ path, category: 'gn', title, html: layout(title, main) });
  }
  // Related links between articles, like a real site (a short list under each article).
  for (const a of out) {
    const siblings = out.filter((b) => b.category === a.category && b !== a).slice(0, 4);
    a.html = a.html.replace('</div><div class="footer">', `${related(siblings)}</div><div class="footer">`);
  }
  return out;
}

const PAGE_SIZE = 6;

function categoryPage(articles: SiteArticle[], category: 'business' | 'gn', page: number): string | null {
  const items = articles.filter((a) => a.category === category);
  const pages = Math.ceil(items.length / PAGE_SIZE);
  if (page < 1 || page > pages) return null;
  const zh = category === 'gn';
  const href = (p: number) => (p === 1 ? `/${category}/` : zh ? `/gn/index_${p - 1}.html` : `/business/page/${p}/`);
  const list = items
    .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    .map((a) => `<li class="news-item"><a href="${a.path}">${a.title}</a> <span class="date">2025-10</span>${zh ? '' : `<p>${EN_PARAS[0]}</p>`}</li>`)
    .join('');
  const numbers = Array.from({ length: pages }, (_, k) => (k + 1 === page ? `<span>${k + 1}</span>` : `<a href="${href(k + 1)}">${k + 1}</a>`)).join(' ');
  const next = page < pages ? `<a href="${href(page + 1)}">${zh ? '下一页' : 'Next page'}</a>` : '';
  const intro = zh
    ? '<p class="intro">本栏目汇集全市经济社会发展的最新消息，及时报道重大项目建设、民生保障和营商环境等方面的动态，欢迎读者关注和提供新闻线索。</p>'
    : '<p class="intro">Business news from the region: companies, markets, jobs and the economy, with analysis from our reporters and commentary from local experts every weekday.</p>';
  const title = zh ? '国内新闻' : 'Business';
  return layout(page > 1 ? `${title} - ${page}` : title, `<h1>${title}</h1>${intro}<ul class="news-list">${list}</ul><div class="pages">${numbers} ${next}</div>`);
}

function homePage(articles: SiteArticle[]): string {
  const top = articles
    .slice(0, 8)
    .concat(articles.slice(10, 18))
    .map((a) => `<div class="teaser"><h2><a href="${a.path}">${a.title}</a></h2></div>`)
    .join('');
  const lead = `<div class="lead"><p>${EN_PARAS[0]}</p><a href="${articles[0].path}">Read more</a></div>`;
  const rest = [...articles.slice(8, 10), ...articles.slice(18)].map((a) => `<li><a href="${a.path}">${a.title}</a></li>`).join('');
  return layout('Home', `${lead}${top}<ul class="more">${rest}</ul><p><a href="/business/">More business</a> · <a href="/gn/">更多国内新闻</a></p>`);
}

function statisticsPage(): string {
  // A statistics bureau's big table page: about 1.5 MB of rows of numbers (the report's page was 5 MB).
  const rows: string[] = [];
  for (let i = 0; i < 16_000; i++) {
    rows.push(`<tr><td>地区${i}</td><td>${1000 + i * 7}</td><td>${(i * 1.37).toFixed(2)}</td><td>${(i % 17) + 0.5}%</td><td>${2000 + (i % 25)}</td></tr>`);
  }
  return layout('2025年分地区统计数据', `<h1>2025年分地区统计数据</h1><p>数据来源：市统计局。</p><table class="data"><tr><th>地区</th><th>人口</th><th>生产总值</th><th>增速</th><th>年份</th></tr>${rows.join('\n')}</table>`);
}

test('without articlePattern only articles are stored: listings, the home page and a table page are not', async () => {
  const articles = buildArticles();
  const stats = statisticsPage();
  assert.ok(stats.length > 1_000_000);
  const server = await startTestServer((req, res) => {
    const send = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/robots.txt') return void res.writeHead(404).end();
    if (path === '/') return send(homePage(articles));
    if (path === '/stats/2025.html') return send(stats);
    const article = articles.find((a) => a.path === path);
    if (article) return send(article.html);
    const cat = /^\/(business|gn)\/(?:page\/(\d+)\/|index_(\d+)\.html)?$/.exec(path);
    if (cat) {
      const page = cat[2] ? Number(cat[2]) : cat[3] ? Number(cat[3]) + 1 : 1;
      const html = categoryPage(articles, cat[1] as 'business' | 'gn', page);
      if (html) return send(html);
    }
    res.writeHead(404).end();
  });
  const storeDir = tempDir();
  try {
    const summary = await crawlOnce(storeDir, [
      { name: 'site', seeds: [`${server.url}/`], maxDepth: 3, politeness: { delayMs: 0, perHostConcurrency: 4 }, allowPrivate: true },
    ]);
    const store = SnapshotStore.open(storeDir, { readonly: true });
    try {
      const stored = store.list({ limit: 1000 }).map((s) => new URL(s.url).pathname).sort();
      assert.deepEqual(stored, articles.map((a) => a.path).sort(), 'exactly the 20 articles are stored');
      for (const a of articles) {
        const record = store.get(store.latestFor(normalizeUrl(`${server.url}${a.path}`)!)!.id)!;
        assert.equal(record.title, a.title);
      }
    } finally {
      store.close();
    }
    assert.equal(summary.snapshots.new, 20);
    // home (the seed) + 2 pages of each category listing; the statistics page is a table.
    assert.deepEqual(summary.classified, { article: 20, listing: 5, table: 1, other: 0 });
    // The report says why: a few examples per kind, with score and reasons.
    assert.equal(summary.classifiedExamples.article?.length, 5);
    assert.equal(summary.classifiedExamples.listing?.length, 5);
    const table = summary.classifiedExamples.table?.[0];
    assert.ok(table && table.reasons.length > 0 && table.score < 2.5, JSON.stringify(table));
    assert.equal(summary.discoveryOnly, 6);
    assert.deepEqual(summary.failed, {});
  } finally {
    await server.close();
  }
});
