import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameInAlt } from '../../src/extract/people-links.js';
import { enParagraphs, extractFrom } from './helpers.js';

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
