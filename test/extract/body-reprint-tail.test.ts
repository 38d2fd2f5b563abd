/**
 * What follows a Chinese article on reprint and blog pages (issue 12): related-list labels, tag rows, bracketed
 * copyright notes and print links, widget labels left last, and a counted comment header over a longer thread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, zhParagraphs } from './helpers.js';

const head = '<title>市教育局部署秋季学期工作</title>';
const h1 = '<h1>市教育局部署秋季学期工作</h1>';

test('"你可能感兴趣的文章" and "大家都在看" end the article; the linked headlines under them stay out', () => {
  for (const label of ['你可能感兴趣的文章', '您可能还喜欢：', '大家都在看', '热门文章']) {
    const related = `<p><strong>${label}</strong></p><p><a href="/a/4.html">教育局召开学校安全工作会议部署开学工作</a></p><p><a href="/a/5.html">我市多所学校获评省级示范校名单公布</a></p>`;
    const a = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}${related}</div>`, { head });
    assert.ok(!a.body.includes(label.replace(/[：:]$/, '')), `${label}: ${a.body}`);
    assert.ok(!a.body.includes('示范校名单公布'), a.body);
  }
});

test('a tag row ("标签：" or "Tags:" before links) is left out; an unlinked "关键词：" line of the text stays', () => {
  const tags = '<p>标签：<a href="/tag/1">教育</a> <a href="/tag/2">开学</a></p><p>Tags: <a href="/tag/3">siri</a></p>';
  const a = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}${tags}</div>`, { head });
  assert.ok(!a.body.includes('标签'), a.body);
  assert.ok(!a.body.includes('siri'), a.body);
  const plain = extractFrom(`${h1}<div id="article"><p>关键词：义务教育 课堂教学改革</p>${zhParagraphs(4)}</div>`, { head });
  assert.match(plain.body, /关键词：义务教育/);
});

test('a bracketed reprint ban and bracketed print/close links are left out; a column note banning reprints in a sentence stays', () => {
  const tail = '<p>【本文中文相关权益归某某公司独家所有。未经授权，不得转载、摘编等。】</p><p>【打印本页】 【关闭窗口】</p>';
  const a = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}${tail}</div>`, { head });
  assert.ok(!a.body.includes('不得转载'), a.body);
  assert.ok(!a.body.includes('打印本页'), a.body);
  const note = '<p>本文为某某授权网易财经发布，转载请注明出处。本文仅为作者观点，不代表网易立场。</p>';
  const b = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}${note}</div>`, { head });
  assert.match(b.body, /转载请注明出处/);
});

test('a widget label left last ("精彩视频推荐") is dropped; a closing sentence ending in 推荐 is not a label', () => {
  const a = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}<p>精彩视频推荐</p></div>`, { head });
  assert.ok(!a.body.includes('精彩视频推荐'), a.body);
  const b = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}<p>这本书值得推荐。</p></div>`, { head });
  assert.match(b.body, /这本书值得推荐。$/);
});

test('a counted comment header ("3 条留言") ends a short post even when the thread under it is longer', () => {
  const unit = (name: string, text: string, time: string) => `<div class="c"><p><b>${name}</b> 说：</p><p>${text}</p><p>${time} <a href="#r">回复</a></p></div>`;
  const thread = [
    unit('阿花', '看着就好吃，下次教教我怎么做红烧鱼吧，我每次做都会糊锅，火候总是掌握不好，好苦恼。', '2023年8月19日 下午8:01'),
    unit('大刘', '盐放多了可以加点糖中和一下，另外鱼下锅之前用姜片擦一下锅，就不容易粘锅了，试试看。', '2023年8月19日 下午9:12'),
    unit('小李', '红烧鱼一定要用新鲜的鱼，冷冻的做出来口感差很多，还有酱油别放太早，最后收汁的时候再放。', '2023年8月20日 上午7:30'),
  ].join('');
  const page = `<div id="main"><div class="post"><h2>今天的晚饭</h2><p class="date">2023年8月19日</p><div class="post-body"><p>下班路上买了条鱼，回家做了红烧鱼，味道还不错，就是盐放多了一点。</p></div></div><div class="cmts"><h4>3 条留言</h4>${thread}</div></div>`;
  const a = extractFrom(page, { head: '<title>今天的晚饭 - 随笔</title>' });
  assert.match(a.body, /盐放多了一点。$/);
  assert.ok(!a.body.includes('糊锅'), a.body);
});

test('a comment header with its count in brackets ("全部评论（3）") ends a short post over plain comment rows', () => {
  const row = (name: string, time: string, text: string) => `<li><div><span>${name}</span><span>${time}</span></div><p>${text}</p></li>`;
  const rows = [
    row('阿花', '2023-08-19 20:01', '看着就好吃，下次教教我怎么做红烧鱼吧，我每次做都会糊锅，火候总是掌握不好，好苦恼。'),
    row('大刘', '2023-08-19 21:12', '盐放多了可以加点糖中和一下，另外鱼下锅之前用姜片擦一下锅，就不容易粘锅了，试试看。'),
    row('小李', '2023-08-20 07:30', '红烧鱼一定要用新鲜的鱼，冷冻的做出来口感差很多，还有酱油别放太早，最后收汁的时候再放。'),
  ].join('');
  const page = `<div id="main"><h2>今天的晚饭</h2><div>2023年8月19日</div><div><p>下班路上买了条鱼，回家做了红烧鱼，味道还不错，就是盐放多了一点。</p></div><div><div>全部评论（3）</div><ul>${rows}</ul></div></div>`;
  const a = extractFrom(page, { head: '<title>今天的晚饭 - 随笔</title>' });
  assert.match(a.body, /盐放多了一点。$/);
});

test('comments naming their poster in bold under an in-page reply button ("#reply") are a thread, kept out of a short post', () => {
  const unit = (name: string, text: string, time: string) => `<div class="c"><p><b>${name}</b> 说：</p><p>${text}</p><p>${time} <a href="#reply">回复</a></p></div>`;
  const thread = [
    unit('阿花', '看着就好吃，下次教教我怎么做红烧鱼吧，我每次做都会糊锅，火候总是掌握不好，好苦恼。', '2023年8月19日 下午8:01'),
    unit('大刘', '盐放多了可以加点糖中和一下，另外鱼下锅之前用姜片擦一下锅，就不容易粘锅了，试试看。', '2023年8月19日 下午9:12'),
    unit('小李', '红烧鱼一定要用新鲜的鱼，冷冻的做出来口感差很多，还有酱油别放太早，最后收汁的时候再放。', '2023年8月20日 上午7:30'),
  ].join('');
  const page = `<div id="main"><div class="post"><h2>今天的晚饭</h2><p class="date">2023年8月19日</p><div class="post-body"><p>下班路上买了条鱼，回家做了红烧鱼，味道还不错，就是盐放多了一点。</p></div></div><div class="cmts">${thread}</div></div>`;
  const a = extractFrom(page, { head: '<title>今天的晚饭 - 随笔</title>' });
  assert.match(a.body, /盐放多了一点。$/);
  assert.ok(!a.body.includes('糊锅'), a.body);
});

test('closing production credits (文字：, 统筹：, 策划：, 本文编辑：) are left out like 责任编辑', () => {
  const credits = '<p>文字：张三 摄影：李四</p><p>统筹：王五 策划：赵六</p><p>本文编辑：孙七</p>';
  const a = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}${credits}</div>`, { head });
  for (const t of ['文字', '统筹', '本文编辑']) assert.ok(!a.body.includes(t), `${t}: ${a.body}`);
});

test('above the text: a header table holding the headline and its info line, and a widget link ("发表评论"), are left out', () => {
  const table = '<table><tr><td>多数夫妻生活有名无实 日本无性婚姻问题严重(图)</td><td></td></tr><tr><td>2005-04-05 06:40更新 来源：转载文章</td><td>第1页/共1页 &lt;&lt; 上一页 | 下一页 &gt;&gt;</td></tr></table>';
  const a = extractFrom(`<div id="article">${table}<p><a href="/comment">发表评论</a></p>${zhParagraphs(4)}</div>`, { head: '<title>多数夫妻生活有名无实 日本无性婚姻问题严重(图)</title>' });
  assert.ok(!a.body.includes('2005-04-05'), a.body);
  assert.ok(!a.body.includes('发表评论'), a.body);
  assert.ok(a.body.length > 100, a.body);
});

test("a post's footer line closing the body (a labelled field and a date, no sentence) is left out", () => {
  const footer = '<p>- - 作者： 流泉 访问统计： 2005年08月30日, 星期二 13:22 加入博采</p>';
  const a = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}${footer}</div>`, { head });
  assert.ok(!a.body.includes('流泉'), a.body);
  // A closing sentence with a date stays.
  const b = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}<p>记者：本次活动将持续到2023年9月1日，欢迎市民参加。</p></div>`, { head });
  assert.match(b.body, /欢迎市民参加。$/);
});

test('a "相关阅读" box of links set between paragraphs does not end the article when prose goes on after it', () => {
  const box = '<p><strong>相关阅读：</strong></p><p><a href="/a/4.html">教育局召开学校安全工作会议部署开学工作</a></p><p><a href="/a/5.html">我市多所学校获评省级示范校名单公布</a></p>';
  const after = '<p>会议强调，要坚持问题导向，聚焦群众关心的热点难点问题，进一步规范办学行为，减轻学生过重课业负担。</p><p>会议还对做好开学前校园安全隐患排查等工作作出具体安排，要求各校在开学前完成校舍、食堂、消防等设施的检查。</p>';
  const a = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}${box}${after}</div>`, { head });
  assert.match(a.body, /消防等设施的检查。$/);
  assert.ok(!a.body.includes('示范校名单公布'), a.body);
  assert.ok(!a.body.includes('相关阅读'), a.body);
  // The same box closing the article still ends it.
  const b = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}${box}</div>`, { head });
  assert.ok(!b.body.includes('相关阅读'), b.body);
});

test('a short post followed by a longer related box (linked titles over one excerpt each) ends at the box; an early box over the article\'s paragraphs does not end it', () => {
  const card = (i: number) => `<div class="item"><p><a href="/p/${i}.html">第${i}篇：服务器迁移踩坑记录之数据库篇</a></p><p>迁移数据库时最容易遇到字符集问题，导出导入时一定要指定正确的参数，否则中文内容会变成乱码……</p></div>`;
  const post = '<div class="entry"><p>周末把博客从旧服务器迁到了新机器上，顺手升级了系统和数据库版本，过程比预想的顺利。</p><p>唯一的坑是旧数据库的字符集，导出时要指定参数，否则中文会乱码。</p></div>';
  const a = extractFrom(`<div class="wrap"><h2>记一次服务器迁移</h2>${post}<div class="more"><h3>相关文章</h3>${[1, 2, 3, 4].map(card).join('')}</div></div>`, { head: '<title>记一次服务器迁移 - 小明的博客</title>' });
  assert.match(a.body, /否则中文会乱码。$/);
  const links = '<p>相关新闻</p><p><a href="/a/4.html">教育局召开学校安全工作会议部署开学工作</a></p><p><a href="/a/5.html">我市多所学校获评省级示范校名单公布</a></p>';
  const b = extractFrom(`${h1}<div id="article"><p>近日，市教育局召开专题会议，研究部署今年秋季学期中小学教育教学工作。</p>${links}${zhParagraphs(4)}</div>`, { head });
  assert.match(b.body, /换乘方案。$/);
});

test('more related-box labels end the article: 往期回顾, 编辑推荐, 点击排行, 相关视频, 看了本文的人还看了', () => {
  for (const label of ['往期回顾', '编辑推荐', '点击排行', '相关视频：', '看了本文的人还看了']) {
    const related = `<p>${label}</p><p><a href="/a/4.html">教育局召开学校安全工作会议部署开学工作</a></p><p><a href="/a/5.html">我市多所学校获评省级示范校名单公布</a></p>`;
    const a = extractFrom(`${h1}<div id="article">${zhParagraphs(4)}${related}</div>`, { head });
    assert.match(a.body, /换乘方案。$/, label);
  }
});
