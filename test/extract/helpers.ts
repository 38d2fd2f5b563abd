import { extractArticle, type Article, type ExtractOptions } from '../../src/extract/index.js';

/** Extract from a snippet wrapped in a minimal page; url defaults to an example article URL. */
export function extractFrom(body: string, opts: Partial<ExtractOptions> & { head?: string } = {}): Article {
  const html = `<!DOCTYPE html><html><head>${opts.head ?? ''}</head><body>${body}</body></html>`;
  return extractArticle(html, { url: opts.url ?? 'https://news.example.com/a/1.html', timezone: opts.timezone, overrides: opts.overrides });
}

/** Enough article prose for the content finder to lock on (Chinese or English). */
export function zhParagraphs(n = 4): string {
  const ps = [
    '近日，记者从市交通运输局获悉，全市将新开通12条公交线路，进一步方便市民出行，线路覆盖城区主要居住区和产业园区。',
    '据介绍，新线路均采用新能源车辆，发车间隔在高峰时段不超过10分钟，平峰时段不超过20分钟，票价与现有线路保持一致。',
    '市交通运输局相关负责人表示，下一步将根据客流情况动态优化线路走向和站点设置，持续提升公交服务水平。',
    '市民可通过官方手机应用查询实时到站信息，也可拨打服务热线咨询具体线路和换乘方案。',
    '此外，部分线路将在夜间延长运营时间，满足夜班职工和晚归市民的出行需求，首末班时间以站牌公示为准。',
  ];
  return ps.slice(0, n).map((p) => `<p>${p}</p>`).join('\n');
}

export function enParagraphs(n = 4): string {
  const ps = [
    'The city council voted on Tuesday to expand the downtown bus network, adding twelve new routes that will connect residential areas with the business district.',
    'Officials said the new routes would use electric buses, with services every ten minutes at peak times and every twenty minutes during the rest of the day.',
    'Residents will be able to check arrival times on the transit app, and fares will remain the same as on existing routes, according to the transport department.',
    'Some routes will also run later at night to serve shift workers, a change that local business groups had requested for several years.',
    'The expansion is expected to cost about $18 million over three years, funded largely by a state grant approved last spring.',
  ];
  return ps.slice(0, n).map((p) => `<p>${p}</p>`).join('\n');
}
