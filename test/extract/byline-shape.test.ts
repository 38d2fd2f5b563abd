/**
 * Author candidates found without a byline label must look like bylines (issue 12): a name-like link to a tag or a
 * menu entry, a login box marked "author", counters and ranks, several unlabelled words, a meta author that is the
 * site's brand. Synthetic pages, not copied ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInterfaceWord } from '../../src/extract/people-names.js';
import { namesFromRuns } from '../../src/extract/people-runs.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const TITLE = '全市将新开通12条公交线路';
const opts = { head: `<title>${TITLE}</title>`, timezone: 'Asia/Shanghai' };
const page = (info: string, before = ''): string => `${before}<div class="art"><h1>${TITLE}</h1>${info}${P}</div>`;

test('a lone name-like line that is a link to a tag or a menu entry is no byline; one to a writer page is', () => {
  assert.equal(extractFrom(page('<div class="tags"><a href="/search?kw=秘鲁">秘鲁</a></div><div>2023-10-08 14:30</div>'), opts).author, undefined);
  assert.equal(extractFrom(page('<div>2023-10-08 14:30</div><div class="m"><a href="/m/">手机版</a></div>'), opts).author, undefined);
  assert.equal(extractFrom(page('<div><a href="/author/zhangsan">张三</a></div><div>2023-10-08 14:30</div>'), opts).author, '张三');
  // Plain text stays a byline.
  assert.equal(extractFrom(page('<div>茉莉</div><div>2023-10-08 14:30</div>'), opts).author, '茉莉');
});

test('a login box marked "author" under the article is no byline', () => {
  const login = '<div class="tie-author"><div class="js-loginInput"><div class="author-tips">账号</div><div class="author-tips">密码</div></div><label><input type="checkbox">自动登录</label></div>';
  assert.equal(extractFrom(page('<div>2023-10-08 14:30</div>') + login, opts).author, undefined);
});

test('counters, ranks, role labels and "published" labels are interface words, not names', () => {
  for (const w of ['获得阅读', '浏览次数', '点赞数', '永久会员', '发布于', '发表时间', '关于作者', '账号', '手机版']) assert.ok(isInterfaceWord(w), w);
  for (const w of ['张三', '等风', '鹿小町', '金错刀']) assert.ok(!isInterfaceWord(w), w);
  // After a word saying where ("发布于", "来自"), a place follows, not a name.
  assert.equal(namesFromRuns(['发布于', '北京']), undefined);
  assert.equal(namesFromRuns(['作者', '张三']), '张三');
});

test('several words in an unlabelled author element are names only with a surname shape', () => {
  const el = (inner: string): string => page(`<div class="author">${inner}</div><div>2023-10-08 14:30</div>`);
  assert.equal(extractFrom(el('<a href="/u/1">王克丹</a><span>新知答主</span>'), opts).author, '王克丹');
  assert.equal(extractFrom(el('<a href="/t/1">沸点</a><a href="/t/2">话题</a><a href="/t/3">小册</a>'), opts).author, undefined);
  assert.equal(extractFrom(el('<span>李明</span> <span>欧阳娜娜</span>'), opts).author, '李明 欧阳娜娜');
  // One word is a pen name or a handle: kept.
  assert.equal(extractFrom(el('<span>南冥一鲨</span>'), opts).author, '南冥一鲨');
});

test("a meta author that is the site's brand is no author; a person's name there stays", () => {
  const brand = { ...opts, head: `<title>${TITLE}_某易新闻</title><meta name="author" content="某易">` };
  assert.equal(extractFrom(page('<div>2023-10-08 14:30</div>'), brand).author, undefined);
  const blog = { ...opts, head: `<title>${TITLE}_张三的博客</title><meta name="author" content="张三">` };
  assert.equal(extractFrom(page('<div>2023-10-08 14:30</div>'), blog).author, '张三');
});

test('a photo-of-a-photo credit (翻攝) ends the name before its verb', async () => {
  const { photographerFromText } = await import('../../src/extract/byline.js');
  assert.equal(photographerFromText('事故現場。（記者王小明翻攝）'), '王小明');
  assert.equal(photographerFromText('（記者王小明攝）'), '王小明');
});

test("collectives and prompts are no names: 贡献者, a 关注 prompt, a business-card link ('名片')", () => {
  for (const w of ['维基媒体项目贡献者', '读武汉关注', '名片']) assert.ok(isInterfaceWord(w), w);
});

test("an account's writer field holding a prompt to the reader is no author; an emoji-decorated name stays as printed", () => {
  const wx = (writer: string): string =>
    `<h1 id="activity-name">全市将新开通12条公交线路</h1><div id="meta_content"><span id="js_author_name">${writer}</span><a id="js_name">某某日报</a></div><div id="js_content">${P}</div>`;
  const o = { head: '<title>全市将新开通12条公交线路</title>', timezone: 'Asia/Shanghai' };
  assert.equal(extractFrom(wx('读某某关注☞'), o).author, undefined);
  assert.equal(extractFrom(wx('🌏某商君'), o).author, '🌏某商君');
  assert.equal(extractFrom(wx('张三'), o).author, '张三');
});

test('a role set off by a dash after the name goes with its dash ("Sam Ode — Guardian columnist")', () => {
  const a = extractFrom(`<article><h1>Council expands the downtown bus network</h1><p class="byline">Sam Ode — Guardian columnist</p>${enParagraphs()}</article>`, { url: 'https://thedaily.example.com/2020/03/05/council-bus' });
  assert.equal(a.author, 'Sam Ode');
});
