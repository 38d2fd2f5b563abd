/**
 * The outlet's plugs closing an article (tip line, newsletter, channels, a sign-up form's reCAPTCHA notice) are
 * left out; the same words inside the article's text stay (body-edges dropClosingCredits).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

const HEAD = '<title>Council expands the bus network</title>';
const page = (tail: string): string => `<h1>Council expands the bus network</h1><article>${enParagraphs(5)}${tail}</article>`;

test('closing plugs of the outlet are left out of the body', () => {
  const tail = [
    '<p>Got a story? Get in touch with our news team by emailing us at news@example.com. Or you can submit your videos and pictures here.</p>',
    '<p>Check out more of our latest travel stories by signing up to our free weekly newsletter.</p>',
    '<p>This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.</p>',
  ].join('');
  const wire = '<p>Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter @jdoe or on Facebook.</p><p>Follow AP’s full coverage of city transit at https://apnews.com/hub/transit</p>';
  const a = extractFrom(page(tail), { head: HEAD });
  assert.match(a.body, /state grant approved last spring/);
  assert.ok(!/Got a story|newsletter|reCAPTCHA/.test(a.body), a.body);
  const b = extractFrom(page(wire), { head: HEAD });
  assert.match(b.body, /state grant approved last spring/);
  assert.ok(!/Have a tip|full coverage/.test(b.body), b.body);
});

test('a sentence of the article about a newsletter stays', () => {
  const mid = '<p>Riders who want updates can subscribe to the transit newsletter, which the department says it will send every Friday with route changes and works.</p>';
  const a = extractFrom(`<h1>Council expands the bus network</h1><article>${enParagraphs(3)}${mid}${enParagraphs(5).split('\n').slice(3).join('\n')}</article>`, { head: HEAD });
  assert.match(a.body, /subscribe to the transit newsletter/);
});
