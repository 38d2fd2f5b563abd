/**
 * Which candidate wins (published.ts), issue 12: a later time chosen over the article's own. On a Chinese page the
 * time printed under the headline is the article's; structured data some hours later is a CMS's index or edit time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, zhParagraphs } from './helpers.js';

const H = '全市将新开通12条公交线路';
const opts = { head: `<title>${H}_某某网</title>`, timezone: 'Asia/Shanghai' };
const page = (info: string): string => `<div class="art"><h1>${H}</h1><div class="info">${info}</div>${zhParagraphs(4)}</div>`;

test('structured data a few hours later than the time under the headline, on the next day, gives way to the shown time', () => {
  const head = `<title>${H}_某某网</title><meta property="article:published_time" content="2023-10-09T02:00:00+08:00">`;
  assert.equal(extractFrom(page('2023-10-08 14:30'), { ...opts, head }).publishedAt, '2023-10-08T14:30:00+08:00');
  // An earlier structured time is not overruled: the shown time may be an edit.
  const earlier = `<title>${H}_某某网</title><meta property="article:published_time" content="2023-10-07T22:00:00+08:00">`;
  assert.equal(extractFrom(page('2023-10-08 14:30'), { ...opts, head: earlier }).publishedAt, '2023-10-07T22:00:00+08:00');
});
