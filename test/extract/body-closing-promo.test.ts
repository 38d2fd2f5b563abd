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

test('closing sentences of the report that share a plug\'s words stay (appeal, reported speech)', () => {
  const appeal = '<p>Anyone who saw the crash or has dashcam footage is asked to get in touch with our team on 101, quoting incident 45, a police spokesperson said.</p><p>The road reopened on Tuesday evening.</p>';
  const a = extractFrom(page(appeal), { head: HEAD });
  assert.match(a.body, /dashcam footage/);
  const de = '<p>Folgen Sie den aktuellen Warnungen der Stadt auf Facebook oder in der Warn-App Nina, hieß es weiter.</p>';
  assert.match(extractFrom(page(de), { head: HEAD }).body, /Warn-App Nina/);
  const said = '<p>Follow the council\'s full coverage of the vote, she said, and judge the plan by what it delivers.</p>';
  assert.match(extractFrom(page(said), { head: HEAD }).body, /judge the plan/);
});

test('short whole-line plugs in their other wordings are left out', () => {
  for (const line of ['Sign up for The Morning newsletter', 'Subscribe to the Daily Brief newsletter.', 'Folge uns auf Instagram!', 'Folgen Sie uns auf X', 'Got a story for Metro? Get in touch at tips@example.com.', 'Have a story idea?']) {
    const a = extractFrom(page(`<p>${line}</p>`), { head: HEAD });
    assert.match(a.body, /state grant approved last spring/);
    assert.ok(!a.body.includes(line.slice(0, 12)), `${line}\n${a.body}`);
  }
});
