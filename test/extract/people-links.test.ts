import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameInAlt } from '../../src/extract/people-links.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const nav = '<ul><li><a href="/travel/">Travel</a></li><li><a href="/videos/">Videos</a></li><li><a href="/about/">About</a></li><li><a href="/contact/">Contact</a></li></ul>';

test('a profile link on the info line is read when no headline was found (the header is the lines above the body)', () => {
  // No <h1> and a <title> that no line repeats: the header is the eight lines above the body, the info line last.
  const a = extractFrom(
    `${nav}<div>City adds twelve bus routes downtown</div><div>March 3, 2021</div><div>March 9, 2021</div>` +
      `<div><a href="https://example.org/author/jdoe/">Jane Doe</a></div><div>${enParagraphs(6)}</div>`,
    { head: '<title>Example Transit Weekly</title>', url: 'https://example.org/news/bus-routes/' },
  );
  assert.equal(a.author, 'Jane Doe');
});

test('avatar alt wording around a name', () => {
  assert.equal(nameInAlt('Picture of Andrea Kovacs'), 'Andrea Kovacs');
  assert.equal(nameInAlt("Tomas Berg's image"), 'Tomas Berg');
  assert.equal(nameInAlt('Avatar for Lee  Park'), 'Lee Park');
  assert.equal(nameInAlt('Sunset over the bay'), 'Sunset over the bay');
});

const withBox = (box: string): ReturnType<typeof extractFrom> =>
  extractFrom(`<h1>City adds twelve bus routes downtown</h1><div>${box}</div><div>${enParagraphs(6)}</div>`, {
    head: '<title>City adds twelve bus routes downtown</title>',
    url: 'https://example.org/news/bus-routes/',
  });

test('a name beside an avatar whose alt names the same person is the byline', () => {
  const a = withBox('<div><img src="/img/p/81.png" alt="Picture of Andrea Kovacs"></div><div><span>Andrea Kovacs</span></div><div>Senior Writer</div>');
  assert.equal(a.author, 'Andrea Kovacs');
  const b = withBox('<div><img src="/img/p/81.png" alt="Tomas Berg&#x27;s image"></div><div><span>Tomas Berg</span></div><div>Contributor</div>');
  assert.equal(b.author, 'Tomas Berg');
});

test('a picture whose alt only repeats a name-like line (a cover, a logo) names no writer', () => {
  const a = withBox('<div><img src="/covers/991.jpg" alt="Silent Harbor"></div><div><span>Silent Harbor</span></div><div>Chapter list</div>');
  assert.notEqual(a.author, 'Silent Harbor');
  // The same bare alt on a picture whose address says avatar is the writer's.
  const b = withBox('<div><img src="https://cdn.example.org/avatars/77.png" alt="Andrea Kovacs"></div><div><span>Andrea Kovacs</span></div><div>Senior Writer</div>');
  assert.equal(b.author, 'Andrea Kovacs');
});

test("a reporter's profile link on an info line inside the article container (read as the body's first line) is the byline", () => {
  // No rel=author and no label: the link to /reporter/… is all that marks the name; the channel link before it is not a person.
  const a = extractFrom(
    `<h1>北市老舊公寓火警 消防隊及時撲滅</h1><article><div><span>2018年09月16日 15:31</span> <a href="/realtimenews/11">社會</a> ` +
      `<div><span><a href="/reporter/899">林志明</a></span></div></div>${zhParagraphs(6)}</article>`,
    { head: '<title>北市老舊公寓火警 消防隊及時撲滅 - 社會 - 某某電子報</title>', url: 'https://news.example.com.tw/realtimenews/20180916001767' },
  );
  assert.equal(a.author, '林志明');
});

test("writer links keep the separators the byline prints between them ('A, B & C')", () => {
  const a = extractFrom(`<article><h1>Free certificates from top universities</h1><div class="meta"><a href="/author/rui">Rui Ma</a><span>, </span><a href="/author/heba">Heba Ledwon</a><span> &amp;</span> <a href="/author/suparn">Suparn Patra</a></div>${enParagraphs(5)}</article>`);
  assert.equal(a.author, 'Rui Ma, Heba Ledwon & Suparn Patra');
});

test('a comma after a linked name in a byline element is printed without the space the element boundary adds', () => {
  const a = extractFrom(`<article><h1>Free certificates from top universities</h1><p class="byline">By <a href="/p/ms">Marc Santora</a>, <a href="/p/ab">Al Baker</a> and <a href="/p/ag">Adam Goldman</a></p>${enParagraphs(5)}</article>`);
  assert.equal(a.author, 'Marc Santora, Al Baker and Adam Goldman');
});

test('avatar alt with the role after the name', () => {
  assert.equal(nameInAlt('Juliette Moreau, Ironhack Tech Writer'), 'Juliette Moreau');
  assert.equal(nameInAlt('Jo Lee | CEO'), 'Jo Lee');
});

/** A story whose writer box closes it: face and name after the body, no byline above. */
const withClosingBox = (box: string): ReturnType<typeof extractFrom> =>
  extractFrom(`<h1>City adds twelve bus routes downtown</h1><article><div>${enParagraphs(6)}</div></article>${box}<footer><p>Company</p><p>Careers</p></footer>`, {
    head: '<title>City adds twelve bus routes downtown</title>',
    url: 'https://example.org/news/bus-routes/',
  });

test("the writer's box after the story (its avatar and name agreeing, marked the writer's) gives the byline", () => {
  const a = withClosingBox('<div class="blog_author-wrapper"><div><img class="blog_author-image" src="/i/lv.webp" alt="Lena Vogt"></div><div class="blog_author-text"><div>Lena Vogt</div><p>Lena Vogt is a growth marketer writing about clinics and their patients for many years.</p></div></div>');
  assert.equal(a.author, 'Lena Vogt');
  // An avatar whose alt says only that it is the author's photo, in columns a page builder nests deep.
  const b = withClosingBox('<div class="gb-grid"><div class="col"><div class="c"><div class="i"><img alt="Photo of author" src="/x.svg" class="avatar avatar-100 photo"></div></div></div><div class="col"><div class="c"><div class="i"><h5>Asser Holm</h5><p>Hello, and welcome! I am the editor and founder of this site.</p></div></div></div></div>');
  assert.equal(b.author, 'Asser Holm');
});

test("a commenter's face and name after the story, or an unmarked box there, is no byline", () => {
  const a = withClosingBox('<div id="comments"><div class="comment-author"><img class="avatar" src="/g/1.png" alt="Mark Olsen"><div>Mark Olsen</div><p>Great piece, thanks for writing it up so clearly.</p></div></div>');
  assert.equal(a.author, undefined);
  const b = withClosingBox('<div class="related"><div><img class="avatar" src="/g/1.png" alt="Mark Olsen"></div><div>Mark Olsen</div><p>Another story about the routes.</p></div>');
  assert.equal(b.author, undefined);
});

test("a related story's card, a testimonial or a reader's comment after the story (however its thread is named) is no writer's box", () => {
  const none = (box: string): void => assert.equal(withClosingBox(box).author, undefined, box);
  // A card: the avatar says 'author', but the box links another story's headline.
  none('<section class="related-posts"><h3>Related stories</h3><div class="related-post"><img class="author-avatar" src="/wp-content/uploads/jd.jpg" alt="Jane Doe"><p>Jane Doe</p><a href="/x">Parking fees to rise next year</a></div></section>');
  none('<div class="card"><a href="/news/parking-fees/">Parking fees to rise next year</a><div class="card-meta"><img src="/images/authors/jane-doe.jpg" alt="Jane Doe"><p>Jane Doe</p></div></div>');
  none('<div class="news"><div class="item"><img class="writer-avatar" src="/a/lg.jpg" alt="Lisa Grant"><p>Lisa Grant</p><a href="https://example.org/news/county-opens-library/">County opens a new library</a></div></div>');
  // A list of writers' cards alike.
  none('<div class="writers"><div class="writer-card"><img class="author-img" src="/t/a.jpg" alt="Tom Hart"><p>Tom Hart</p></div><div class="writer-card"><img class="author-img" src="/t/b.jpg" alt="Lisa Grant"><p>Lisa Grant</p></div></div>');
  none('<div class="testimonial"><img class="testimonial-author-img" src="/u/sarah.jpg" alt="Sarah Collins"><p>They made planning our trip so easy.</p><p>Sarah Collins</p></div>');
  none('<div class="leserbeitraege"><div class="beitrag"><div class="author-info-box"><img class="avatar" src="/g/1.png" alt="Klaus Weber"><p>Klaus Weber</p></div><p>Gute Sache!</p></div></div>');
  none('<section class="responses"><div class="response"><div class="author-info"><img class="avatar" src="/g/1.png" alt="Mark Olsen"><p>Mark Olsen</p></div><p>Great piece.</p></div></section>');
  none('<div class="host-card"><img class="author-photo" src="/h/1.jpg" alt="Ken Lowe"><p>Ken Lowe</p><p>Host of The Transit Hour</p></div>');
  // The writer's own box with a link to the writer's page and social profiles stays.
  const a = withClosingBox('<div class="author-box"><img class="avatar" src="/g/2.png" alt="Nora Field"><div><h4>Nora Field</h4><p>Nora covers transport for the paper.</p><a href="/author/nora-field/">View all posts by Nora Field</a> <a href="https://twitter.com/norafield">Twitter</a></div></div>');
  assert.equal(a.author, 'Nora Field');
});
