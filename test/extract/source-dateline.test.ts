/** Chinese source labels and datelines (simplified and traditional), and the bylines they carry (issue 12). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText, editorFromText, photographerFromText, sourceFromDateline, sourceFromInfoLine, sourceFromText } from '../../src/extract/byline.js';
import { extractFrom, zhParagraphs } from './helpers.js';

test('source labels: 本文来源, 稿件来源, traditional 來源, the 丨 bar and a label without colon', () => {
  assert.equal(sourceFromText('本文来源：新京报'), '新京报');
  assert.equal(sourceFromText('稿件来源：人民网 北京'), '人民网');
  assert.equal(sourceFromText('來源：中央廣播電臺'), '中央廣播電臺');
  assert.equal(sourceFromText('来源丨澎湃新闻'), '澎湃新闻');
  assert.equal(sourceFromText('来源 新华社'), '新华社');
  // A picture credit is not the article's source; prose "来源于" has no label.
  assert.equal(sourceFromText('图片来源：视觉中国'), undefined);
  assert.equal(sourceFromText('他说资金来源于社会捐赠'), undefined);
});

test('datelines credit the outlet that opens them, and wire services', () => {
  assert.equal(sourceFromDateline('【聯合晚報╱記者楊正海╱即時報導】'), '聯合晚報');
  assert.equal(sourceFromDateline('中國時報張立勳／特稿 2013年07月18日 05:40'), '中國時報');
  assert.equal(sourceFromDateline('新华社北京5月9日电 题：积极因素不断增多'), '新华社');
  assert.equal(sourceFromDateline('（中央社記者盧太城台東縣12日電）台東縣'), '中央社');
  assert.equal(sourceFromDateline('【王家俊／台北報導】配合行政院組織改造'), undefined);
  assert.equal(sourceFromDateline('〔本報訊〕英國評選'), undefined);
});

test('an outlet after the time on the info line, with a separator glued in front', () => {
  assert.equal(sourceFromInfoLine('2024-05-20 14:33·新华社'), '新华社');
  assert.equal(sourceFromInfoLine('TNW中文站2016年10月14日07:17'), 'TNW中文站');
});

test('Taiwanese slash datelines and glued reporter labels give the reporters', () => {
  assert.equal(authorFromText('〔記者王憶紅／台北報導〕宏達電行銷長昨宣布'), '王憶紅');
  assert.equal(authorFromText('〔記者施曉光、吳亮儀、陳慧萍／台北報導〕市面上出現'), '施曉光 吳亮儀 陳慧萍');
  assert.equal(authorFromText('【丁牧群╱台北報導】女子三年前'), '丁牧群');
  assert.equal(authorFromText('記者房書勤／新竹報導'), '房書勤');
  assert.equal(authorFromText('劉屏／華盛頓4日電'), '劉屏');
  assert.equal(authorFromText('中國時報張立勳／特稿 2013年07月18日'), '張立勳');
  assert.equal(authorFromText('記者：邱婉柔'), '邱婉柔');
  assert.equal(authorFromText('【聯合報╱本報記者古硯偉】'), '古硯偉');
  assert.equal(authorFromText('（中央社記者盧太城台東縣12日電）台東縣'), '盧太城');
  assert.equal(authorFromText('新华社记者邹多为、唐诗凝、丁乐'), '邹多为 唐诗凝 丁乐');
  assert.equal(authorFromText('中青报·中青网记者 魏其濛 来源：中国青年报'), '魏其濛');
});

test('label forms: 丨 bar, label and name in two elements, a blog line "X 于 date 发布"', () => {
  assert.equal(authorFromText('作者丨张三'), '张三');
  assert.equal(authorFromText('作者 李四 2024-01-02'), '李四');
  assert.equal(authorFromText('【作者】张三'), '张三');
  assert.equal(authorFromText('作者：新京报记者 张三'), '张三');
  assert.equal(authorFromText('作者：张三（北京大学教授）'), '张三');
  assert.equal(authorFromText('作者：王文中国人民大学重阳金融研究院院长'), '王文');
  assert.equal(authorFromText('Jeremy Tsheng 于 2023-03-12 13:08:03 发布'), 'Jeremy Tsheng');
  // Not a byline: a heading before the date, prose after 记者.
  assert.equal(authorFromText('最新推荐文章 于 2023-09-04 17:53:10 发布'), undefined);
  assert.equal(authorFromText('记者了解到'), undefined);
});

test('a photo credit is not the byline, but stays the last resort', () => {
  assert.equal(authorFromText('（記者方賓照攝）'), undefined);
  assert.equal(authorFromText('记者 王某 摄'), undefined);
  // A photographer credited after the writer under the label 摄影 leaves the writer in place.
  assert.equal(authorFromText('本报记者 张三 摄影 李四'), '张三');
  assert.equal(authorFromText('撰文／張三 攝影／李四'), '張三');
  assert.equal(photographerFromText('台中市女子墜樓身亡。王煌忠攝'), '王煌忠');
  const a = extractFrom(`<h1>林義雄宣布停止禁食</h1><div class="pic">林義雄發表公開信。（記者方賓照攝）</div><div class="content"><p>〔記者李欣芳／台北報導〕最新消息！前主席宣布停止禁食，他下午透過網站發表公開信。</p>${zhParagraphs()}</div>`, {
    head: '<title>林義雄宣布停止禁食</title>',
  });
  assert.equal(a.author, '李欣芳');
});

test('the responsible editor is preferred when a line credits two editors', () => {
  assert.equal(editorFromText('编辑：王静 责任编辑：刘亮'), '刘亮');
  assert.equal(editorFromText('Read our editorials'), undefined);
});

test('the outlet credited with its reporter on the info line is the source', () => {
  assert.equal(sourceFromInfoLine('2019-03-18 23:59 聯合報 記者 陳嘉寧'), '聯合報');
  assert.equal(sourceFromInfoLine('2025-03-21 11:21 新京报记者 张三 李四'), '新京报');
  // The paper's own "本报记者" names no outlet; a line without a date is no info line.
  assert.equal(sourceFromInfoLine('2025-03-21 11:21 本报记者 张三'), undefined);
  assert.equal(sourceFromInfoLine('新京报记者 张三'), undefined);
  const a = extractFrom(`<h1>市区新开12条公交线路</h1><div class="info">2025-03-21 11:21 新京报记者 张三 李四</div><div class="article">${zhParagraphs()}</div>`, { head: '<title>市区新开12条公交线路</title>' });
  assert.equal(a.publisher, '新京报');
  assert.equal(a.author, '张三 李四');
});

test('an outlet in its own element right after the time, with a labelled editor beside it and no spaces in the markup, is the source', () => {
  const a = extractFrom(
    `<h1>标题新闻</h1><div class="info"><span>2019-03-02 10:00</span><span>新华社</span><span>编辑：李四</span></div><div class="content">${zhParagraphs()}</div>`,
    { head: '<title>标题新闻</title>', timezone: 'Asia/Shanghai' },
  );
  assert.equal(a.publisher, '新华社');
  assert.equal(a.publishedAt, '2019-03-02T10:00:00+08:00');
});

test('a source label glued to the value of the label before it starts a new field ("作者：张三来源：南方日报")', () => {
  assert.equal(sourceFromText('作者：张三来源：南方日报'), '南方日报');
  assert.equal(sourceFromText('编辑：李四来源：某某晚报发布时间：2023-05-06 10:20'), '某某晚报');
  // Without a label before it, a word ending in 来源 inside a sentence is still no label.
  assert.equal(sourceFromText('他说，收入来源：工资和奖金'), undefined);
});

test('"【明報專訊】" opening the story credits the paper, however short its name', () => {
  assert.equal(sourceFromDateline('【明報專訊】政府昨日公布新措施。'), '明報');
  assert.equal(sourceFromDateline('【本報專訊】政府昨日公布新措施。'), undefined);
});
