/**
 * Bylines that no class or id names (issue 12, `--perturb anon`): a posted-by line with a relative time, and a link
 * to a writer's page whose address glues a role word to the writer's name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText } from '../../src/extract/byline.js';
import { spellsWriterPage } from '../../src/extract/people-links.js';
import { extractFrom, enParagraphs, zhParagraphs } from './helpers.js';

test('"由 X 於 <relative time> 發表" names the poster, as the dated form does', () => {
  assert.equal(authorFromText('由 Danny Mak 於 16 minutes 之前發表'), 'Danny Mak');
  assert.equal(authorFromText('由 张小明 于 3 小时前 发表'), '张小明');
  assert.equal(authorFromText('由 ddos8919 於 2 天前發佈'), 'ddos8919');
  const page = `<div class="k0"><h2 class="k1">全市将新开通12条公交线路</h2><p class="k2">由 <strong><a href="/bloggers/x/">Danny Mak</a></strong> 於 16 minutes 之前發表</p><div class="k3">${zhParagraphs(4)}</div></div>`;
  assert.equal(extractFrom(page, { head: '<title>全市将新开通12条公交线路 - 某某网</title>', timezone: 'Asia/Hong_Kong' }).author, 'Danny Mak');
  // A sentence that merely mentions a time is no byline.
  assert.equal(authorFromText('他于3天前发表了声明'), undefined);
});

test('a link whose address spells the writer\'s name after a role word is the byline', () => {
  const page = (href: string, name: string): string =>
    `<div class="k0"><h1 class="k1">Council expands bus network</h1><div class="k2"><a href="${href}">${name}</a> / TNN / <span>Updated: Oct 9, 2019, 11:05 IST</span></div><div class="k3">${enParagraphs(4)}</div></div>`;
  const head = '<title>Council expands bus network - Example Times</title>';
  assert.equal(extractFrom(page('https://news.example.com/toireporter/author-Saibal-Dasgupta-13399.cms', 'Saibal Dasgupta'), { head }).author, 'Saibal Dasgupta');
  assert.equal(extractFrom(page('/staffpages/reporter_jane_porter', 'Jane Porter'), { head }).author, 'Jane Porter');
  // The role word before another slug is no writer's page: the link text must spell it.
  assert.equal(spellsWriterPage('/help/author-guidelines', 'Jane Porter'), false);
  assert.equal(spellsWriterPage('/author-jane-porter-12', 'Jane Porter'), true);
  assert.equal(spellsWriterPage('/author-jane-porter-12', 'Jane'), false);
});
