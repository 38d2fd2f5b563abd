import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

test('keeps paragraphs, subheadings, lists, quotes, tables and captioned images in order', () => {
  const a = extractFrom(`
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <article>
      <h1>Council expands bus network</h1>
      ${enParagraphs(2)}
      <h2>What changes</h2>
      <ul><li>Twelve new routes across the city.</li><li>Electric buses on every new route.</li></ul>
      <blockquote><p>"This is the biggest change to our network in a generation," the transport chief said.</p></blockquote>
      <figure><img src="/img/bus.jpg" alt="Bus"><figcaption>One of the new electric buses.</figcaption></figure>
      <table><tr><th>Route</th><th>Frequency</th></tr><tr><td>R1</td><td>10 min</td></tr><tr><td>R2</td><td>15 min</td></tr></table>
      ${enParagraphs(5).split('\n').slice(2).join('\n')}
    </article>`, { head: '<title>Council expands bus network</title>' });
  const md = a.markdown;
  const order = ['The city council voted', '## What changes', '- Twelve new routes', '- Electric buses', '> "This is the biggest', '![Bus](https://news.example.com/img/bus.jpg)', '*One of the new electric buses.*', '| Route | Frequency |', '| R1 | 10 min |', 'Residents will be able'];
  let at = -1;
  for (const s of order) {
    const i = md.indexOf(s);
    assert.ok(i > at, `markdown order: ${s}\n${md}`);
    at = i;
  }
  assert.ok(!a.body.includes('Home'), 'navigation dropped');
  assert.ok(!a.body.includes('Council expands bus network'), 'title not repeated in body');
  assert.match(a.body, /What changes\n\nTwelve new routes across the city\.\n\nElectric buses/);
  assert.match(a.body, /Route Frequency\nR1 10 min\nR2 15 min/);
});

test('paragraphs are separated by a blank line; <br> splits Chinese layout text', () => {
  const a = extractFrom(`<div class="content">　　第一段，近日，记者从市交通运输局获悉，全市将新开通12条公交线路，进一步方便市民出行。<br><br>　　第二段，新线路均采用新能源车辆，发车间隔在高峰时段不超过10分钟，票价保持一致。<br>　　第三段，市交通运输局相关负责人表示，下一步将根据客流情况动态优化线路走向。</div>`);
  assert.equal(a.body, '第一段，近日，记者从市交通运输局获悉，全市将新开通12条公交线路，进一步方便市民出行。\n\n第二段，新线路均采用新能源车辆，发车间隔在高峰时段不超过10分钟，票价保持一致。\n\n第三段，市交通运输局相关负责人表示，下一步将根据客流情况动态优化线路走向。');
});

test('a source line break between two CJK characters is not a space', () => {
  const a = extractFrom(`<div class="content"><p>一九八九年四月，我在湖南张家界开一个全省教学研究\n会议。按照惯例，会议安排了一天时间，让与会者去风景点游玩观赏，那一天正好是四月十五日。</p>${zhParagraphs(3)}</div>`);
  assert.ok(a.body.includes('教学研究会议'));
});

test('drops share bars, related lists, comments, ads, bylines, 责任编辑 and copyright lines', () => {
  const a = extractFrom(`
    <h1>市区新开12条公交线路</h1>
    <div class="info">2025-10-12 08:00 来源：某某日报 作者：小王</div>
    <div class="share-bar"><a href="#">分享到微信</a><a href="#">微博</a></div>
    <div class="article-content">
      ${zhParagraphs(3)}
      <div class="ad-box"><a href="https://ads.example.com/">点击领取优惠券</a></div>
      ${zhParagraphs(5).split('\n').slice(3).join('\n')}
      <p>（责任编辑：赵岳）</p>
      <p>版权所有 © 某某日报社，未经授权不得转载。</p>
    </div>
    <div class="related-news"><h3>相关新闻</h3><ul><li><a href="/1.html">全市公交票价保持稳定</a></li><li><a href="/2.html">地铁三号线下月开通</a></li></ul></div>
    <div id="comments"><h3>网友评论</h3><p>网友A：太好了，终于有公交直达了，希望以后班次更多一些。</p></div>`, { head: '<title>市区新开12条公交线路</title>' });
  for (const junk of ['分享到', '优惠券', '责任编辑', '版权所有', '相关新闻', '全市公交票价', '网友', '来源：', '作者：']) {
    assert.ok(!a.body.includes(junk), `body should not contain ${junk}:\n${a.body}`);
  }
  assert.ok(a.body.includes('此外，部分线路将在夜间延长运营时间'));
});

test('an English byline and dateline inside the article are not body text', () => {
  const a = extractFrom(`<article><h1>Bus news</h1><p class="byline">By Jane Doe | March 3, 2025</p><p>Share this article</p>${enParagraphs()}<p>Advertisement</p><h3>Related Articles</h3><ul><li><a href="/x">Another story about buses in the region</a></li></ul></article>`, { head: '<title>Bus news</title>' });
  assert.ok(a.body.startsWith('The city council voted'), a.body);
  assert.ok(a.body.endsWith('requested for several years.'), a.body);
});

test('a page with no article text yields an empty body and a warning, not an error', () => {
  const a = extractFrom('<nav><a href="/a">A</a><a href="/b">B</a></nav>');
  assert.equal(a.body, '');
  assert.ok(a.warnings.some((w) => w.startsWith('body')));
});

test('a link wrapping a block deeper than its children is text, not a Markdown link split over two blocks', () => {
  const a = extractFrom(`<article><h1>Best garden shows</h1>${enParagraphs(3)}
    <h3><a href="/watch/homegrown"><span><b>Homegrown</b></span><b><br> </b></a><b>Magnolia Network</b></h3>
    <p>If you want to take your backyard from frumpy to farming, this is your show, with a <a href="/host">host</a> who farms.</p>
    ${enParagraphs(2)}</article>`, { head: '<title>Best garden shows</title>' });
  assert.match(a.markdown, /Magnolia Network\n/);
  assert.doesNotMatch(a.markdown, /(^|\s)\]\(/m, 'no link closed in a block it did not open in');
  assert.match(a.markdown, /\[host\]\(https:\/\/news\.example\.com\/host\)/);
});
