import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

test('a bold phrase opening the title\'s wording is not a part of the title: a bare space is no separator', () => {
  // "Best Travel Insurance for Seniors" ends at a space inside "… for Seniors in 2025": no segment of it.
  const body = `<h1>Top Travel Insurance Picks for Seniors in 2025</h1>${enParagraphs(2)}
    <p><strong>Best Travel Insurance for Seniors</strong> compared by price and cover.</p>${enParagraphs(2)}`;
  const a = extractFrom(body, { head: '<title>Best Travel Insurance for Seniors in 2025 | Example Cover</title>' });
  assert.equal(a.title, 'Top Travel Insurance Picks for Seniors in 2025');
});

test('a section heading repeating the start of the title loses to the reworded h1 above it', () => {
  const body = `<h1>Bus routes: Council adds twelve lines to the downtown network</h1>${enParagraphs(2)}
    <h3><strong>Council expands bus network</strong></h3>${enParagraphs(2)}`;
  const a = extractFrom(body, { head: '<title>Council expands bus network downtown with twelve new lines - Example News</title>' });
  assert.equal(a.title, 'Bus routes: Council adds twelve lines to the downtown network');
});

test('a Chinese headline before a space-separated site name is still matched', () => {
  const a = extractFrom(`<div class="title">市区新开12条公交线路</div>${zhParagraphs()}`, { head: '<title>市区新开12条公交线路 某某新闻网</title>' });
  assert.equal(a.title, '市区新开12条公交线路');
});

const HEADLINE = 'Council approves twelve new downtown bus routes';
const chrome = '<header><div class="logo">Example News</div><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav></header>';

test('a headline in a plain element is kept when the <title> goes on after marks of any kind, a tag or the site name', () => {
  for (const tail of [' › Local › Example News', ' * Example News', ' ⋆ Example News', ' &lt; Example News', ' ◦ Example News', ' +++ Example News', ' ... | Example News', ' (VIDEO) | Example News', ' Example News']) {
    for (const el of ['span class="storytitle"', 'span', 'div class="x"']) {
      const body = `${chrome}<main><${el}>${HEADLINE}</${el.split(' ')[0]}><div class="byline">By Jane Doe</div>${enParagraphs()}</main>`;
      const a = extractFrom(body, { head: `<title>${HEADLINE}${tail}</title>` });
      assert.equal(a.title, HEADLINE, `${el}: ${tail}`);
    }
  }
  // A site name known from og:site_name, after a bare space.
  const body = `${chrome}<main><span>${HEADLINE}</span>${enParagraphs()}</main>`;
  const a = extractFrom(body, { head: `<title>${HEADLINE} Harbour Courier</title><meta property="og:site_name" content="Harbour Courier">` });
  assert.equal(a.title, HEADLINE);
});

test('a Korean headline in a plain element before the ndsoft template\'s "< 섹션 < 기사본문 - 신문" tail', () => {
  const ko = '서울시, 도심 버스 노선 12개 신설…출퇴근 혼잡 줄인다';
  const paras = ['서울시는 화요일 도심 버스 노선 12개를 새로 개설한다고 밝혔다. 새 노선은 주거 지역과 업무 지구를 연결하며 출퇴근 시간대 혼잡을 줄일 것으로 기대된다.',
    '시 관계자는 새 노선에 전기버스가 투입되며 출퇴근 시간에는 10분, 그 외 시간에는 20분 간격으로 운행된다고 설명했다.',
    '시민들은 교통 앱을 통해 도착 시간을 확인할 수 있으며 요금은 기존 노선과 같다고 교통국은 밝혔다.'].map((p) => `<p>${p}</p>`).join('');
  for (const el of ['span class="tit"', 'div class="x"']) {
    const body = `<header><div class="logo">경기일보</div></header><main><${el}>${ko}</${el.split(' ')[0]}>${paras}</main>`;
    const a = extractFrom(body, { head: `<title>${ko} &lt; 사회일반 &lt; 사회 &lt; 기사본문 - 경기일보</title>` });
    assert.equal(a.title, ko, el);
  }
});

test('a lone "&" joins words: a bold phrase before it is no part of the title', () => {
  const body = `<h1>The grinders we keep reaching for in our test kitchen</h1>${enParagraphs(2)}
    <p><strong>Pepper Mills</strong> of every size were tried.</p>${enParagraphs(2)}`;
  const a = extractFrom(body, { head: '<title>Pepper Mills &amp; Salt Grinders We Tested in 2025 | Example Kitchen</title>' });
  assert.equal(a.title, 'The grinders we keep reaching for in our test kitchen');
});

test('under the h1, a section heading ending where the <title> goes on with a tag is no part of the title', () => {
  const body = `<h1>The Many Different Types of Wine (Infographic)</h1>${enParagraphs(1)}
    <h2>The Different Types of Wine</h2>${enParagraphs(3)}`;
  const a = extractFrom(body, { head: '<title>The Different Types of Wine (Infographic) | Example Wine</title>' });
  assert.equal(a.title, 'The Many Different Types of Wine (Infographic)');
});

test('a deck completing the headline is joined to the h1 with a space, and with none in Chinese', () => {
  const en = extractFrom(`<h1>Council approves twelve new bus routes</h1><p class="deck">— and cuts fares for every student and pensioner in the city</p>${enParagraphs()}`, {
    head: '<title>Council approves twelve new bus routes — and cuts fares for every student and pensioner in the city | Example News</title>',
  });
  assert.equal(en.title, 'Council approves twelve new bus routes — and cuts fares for every student and pensioner in the city');
  const zh = extractFrom(`<h1>市区新开12条公交线路</h1><p>——进一步方便市民出行</p>${zhParagraphs()}`, { head: '<title>市区新开12条公交线路——进一步方便市民出行_某某网</title>' });
  assert.equal(zh.title, '市区新开12条公交线路——进一步方便市民出行');
});
