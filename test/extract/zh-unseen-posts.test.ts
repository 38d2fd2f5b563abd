/**
 * Second round of unseen Chinese layouts (issue 12), written before the mechanisms they check: a post card's
 * "display name @handle" head and its two-line "name / 发布于 <time>" form, a blog engine's "Posted by X at <time>"
 * footer inside an unmarked post box, "By 张三", the closing "（作者X系…）" note, a 来源 value glued to 作者, Taiwan's
 * era years (111/07/01) on a page declaring plain zh, and days in Chinese numerals. Class names are left meaningless.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText } from '../../src/extract/byline.js';
import { nameBeforeHandle, posterAbovePostedLine, posterOfFooter } from '../../src/extract/byline-posters.js';
import { parseDateText } from '../../src/extract/dates.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const H = '全市将新开通12条公交线路';
const opts = { head: `<title>${H}_临江网</title>`, timezone: 'Asia/Shanghai' };

test('a display name followed by its @handle names the poster', () => {
  const card = (info: string): string | undefined => extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}</div>`, opts).author;
  assert.equal(card('<div>老李说交通 @laoli_traffic　2022-07-01 09:15</div>'), '老李说交通');
  assert.equal(card('<div><a href="/p/1">老李说交通</a> <span>@laoli_traffic</span> · 2022-07-01 09:15</div>'), '老李说交通');
  // A post with no headline: the card's head opens the text.
  const post = extractFrom(`<div><div>广场</div><div>帖子详情</div></div><div><div><a href="#">henryspace</a><span> @henryspace</span></div>${P}<div>发布于 2023-07-06 23:12</div></div>`, { head: '<title>帖子详情 - 某某社区</title>', timezone: 'Asia/Shanghai' });
  assert.equal(post.author, 'henryspace');
  assert.equal(nameBeforeHandle('Jane Doe @janedoe'), 'Jane Doe');
  // Not a card's head: an e-mail address, a handle alone, a mention in prose, a date and "by" before the handle.
  for (const t of ['联系邮箱 abc@example.com', '@someone', '感谢 @张三 的分享，我们一起来看看吧。', 'On 6/13/2018 by @someone', '2022-07-01 @abc']) {
    assert.equal(nameBeforeHandle(t), undefined, t);
  }
});

test('a blog footer "Posted by K A at 12:11 PM" inside an unmarked post box names the poster', () => {
  const lyrics = ['爱 逝去的爱 讨不回来', 'Ai shi qu de ai tao bu hui lai', '我还有话想对你说', 'Wo hai you hua xiang dui ni shuo'].map((l) => `${l}<br>`).join('').repeat(6);
  const page = `<div><div>Chinese Pinyin Lyrics</div><div><div>Thursday, July 28, 2011</div><div><b>只能想念你</b></div><div>${lyrics}</div><div>Posted by K A at 12:11 PM</div><div>Labels: Jam Hsiao</div></div></div>`;
  assert.equal(extractFrom(page, { head: '<title>Chinese Pinyin Lyrics: 只能想念你</title>' }).author, 'K A');
  assert.equal(posterOfFooter('Posted by mike on 2011-07-28'), 'mike');
  // Prose, and a footer line without a time, are no footer.
  assert.equal(posterOfFooter('Posted by the city council at the meeting'), undefined);
  assert.equal(posterOfFooter('Posted by K A'), undefined);
});

test('a Republic of China year with three digits (111/07/01) is read on a Chinese page without zh-TW', () => {
  const zh = { timezone: 'Asia/Shanghai', lang: 'zh' };
  assert.deepEqual(parseDateText('發布日期：111/07/01', zh), { year: 2022, month: 7, day: 1 });
  assert.deepEqual(parseDateText('111-07-01 09:15', zh), { year: 2022, month: 7, day: 1, hour: 9, minute: 15 });
  assert.deepEqual(parseDateText('111-07-01', { timezone: 'Asia/Taipei' }), { year: 2022, month: 7, day: 1 });
  // Not on an English page, and a two-digit year stays ambiguous (yy/mm/dd) without zh-TW.
  assert.equal(parseDateText('111-07-01', { timezone: 'UTC', lang: 'en' }), undefined);
  assert.equal(parseDateText('22/07/01', zh)?.year === 2022 + 1911, false);
  const H2 = '市府宣布新開通十二條公車路線';
  const a = extractFrom(`<div><h1>${H2}</h1><div>發布日期：111/07/01</div>${P}</div>`, { head: `<title>${H2}</title>`, timezone: 'Asia/Shanghai' });
  assert.equal(a.publishedAt?.slice(0, 10), '2022-07-01');
});

test('an English "By" before a Chinese name, and the closing note "（作者X系…）" / "（X，作者系…）", name the writer', () => {
  const page = (info: string, tail = ''): string | undefined => extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}${tail}</div>`, opts).author;
  assert.equal(page('<div>By 张晓明 | 2022-07-01</div>'), '张晓明');
  assert.equal(page('<div>2022-07-01</div>', '<p>（作者张晓明系江城大学经济学院教授）</p>'), '张晓明');
  assert.equal(page('<div>2022-07-01</div>', '<p>（张晓明，作者系江城大学经济学院教授）</p>'), '张晓明');
  // A note that names no one, and a "Powered by" credit closing the page, give no writer.
  assert.equal(page('<div>2022-07-01</div>', '<p>（作者系江城大学经济学院教授）</p>'), undefined);
  assert.equal(authorFromText('Powered by 织梦内容'), undefined);
});

test('a post card: the poster alone on a line over "来自… 发布于 <time>" names the poster', () => {
  const card = '<div><div><a href="#">W安全边际</a></div><div>来自雪球 发布于05-16 19:12</div><div><a href="#">关注</a></div></div>';
  const a = extractFrom(`<div>${card}<h1>${H}</h1><div>${P}</div></div>`, opts);
  assert.equal(a.author, 'W安全边际');
  assert.equal(posterAbovePostedLine([{ text: '山间清风' }, { text: '发表于 2020-03-04 10:20' }]), '山间清风');
  // A date or a label on the line above is no poster's name; a line under it that is no "posted" line names none.
  assert.equal(posterAbovePostedLine([{ text: '2020-03-04 10:20' }, { text: '发表于 2020-03-04 10:20' }]), undefined);
  assert.equal(posterAbovePostedLine([{ text: '山间清风' }, { text: '阅读 1024' }]), undefined);
});

test('a day in Chinese numerals (二〇二二年七月一日) is read; a month past twelve or a day without its year is not', () => {
  const zh = { timezone: 'Asia/Shanghai', lang: 'zh' };
  assert.deepEqual(parseDateText('二〇二一年十二月三十一日', zh), { year: 2021, month: 12, day: 31 });
  assert.deepEqual(parseDateText('二○二三年二月二十日 星期一', zh), { year: 2023, month: 2, day: 20 });
  assert.equal(parseDateText('二〇二二年十三月一日', zh), undefined);
  assert.equal(parseDateText('他说七月一日要来', zh), undefined);
  const a = extractFrom(`<div class="w"><h1>${H}</h1><div>二〇二二年七月一日</div>${P}</div>`, opts);
  assert.equal(a.publishedAt?.slice(0, 10), '2022-07-01');
});

test('"来源：江城日报作者：张三", the two labelled values run together, credits both', () => {
  const a = extractFrom(`<div class="w"><h1>${H}</h1><div>来源：江城日报作者：张晓明 2022-07-01</div>${P}</div>`, opts);
  assert.equal(a.author, '张晓明');
  assert.equal(a.publisher, '江城日报');
  assert.equal(authorFromText('来源：本站原创作者：佚名'), undefined);
});

test('an AM/PM marker written before the clock ("2022-07-01 PM 3:15") is read like 下午 before it', () => {
  const zh = { timezone: 'Asia/Shanghai', lang: 'zh' };
  assert.deepEqual(parseDateText('2022-07-01 PM 3:15', zh), { year: 2022, month: 7, day: 1, hour: 15, minute: 15 });
  assert.deepEqual(parseDateText('2022/07/01 AM 12:05', zh), { year: 2022, month: 7, day: 1, hour: 0, minute: 5 });
  assert.deepEqual(parseDateText('2022年7月1日 下午3:15', zh), { year: 2022, month: 7, day: 1, hour: 15, minute: 15 });
});
