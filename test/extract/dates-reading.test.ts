/**
 * Which number of a slashed date is the day (dates-reading.ts), issue 12: "01/07/2022" on a Chinese page is 1 July in
 * Hong Kong, Macau and Singapore usage and stays 7 January elsewhere unless the URL says otherwise.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateText } from '../../src/extract/dates.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const H = '本港將新增十二條巴士路線';
const page = `<div class="art"><h1>${H}</h1><div class="info">01/07/2022 14:30</div>${zhParagraphs(4)}</div>`;

test('a slashed day-first date on a Hong Kong, Macau or Singapore Chinese page', () => {
  assert.deepEqual(parseDateText('01/07/2022 14:30', { timezone: 'Asia/Hong_Kong', lang: 'zh-HK' }), { year: 2022, month: 7, day: 1, hour: 14, minute: 30 });
  assert.deepEqual(parseDateText('01/07/2022', { timezone: 'Asia/Shanghai', lang: 'zh-Hant-MO' }), { year: 2022, month: 7, day: 1 });
  // Plain zh, read on Hong Kong's clock (the host or region set it).
  assert.deepEqual(parseDateText('01/07/2022', { timezone: 'Asia/Hong_Kong', lang: 'zh' }), { year: 2022, month: 7, day: 1 });
  // Elsewhere in Chinese the order stays month first.
  assert.deepEqual(parseDateText('01/07/2022', { timezone: 'Asia/Shanghai', lang: 'zh-CN' }), { year: 2022, month: 1, day: 7 });
  assert.deepEqual(parseDateText('01/07/2022', { timezone: 'Asia/Hong_Kong', lang: 'en' }), { year: 2022, month: 1, day: 7 });
});

test('a Hong Kong page dates its article day first', () => {
  const a = extractFrom(`<div lang="zh-HK">${page}</div>`, { head: `<title>${H}</title><meta http-equiv="content-language" content="zh-HK">`, url: 'https://news.example.com.hk/a/1.html' });
  assert.equal(a.publishedAt, '2022-07-01T14:30:00+08:00');
});
