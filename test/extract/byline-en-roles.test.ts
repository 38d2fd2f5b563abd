/**
 * English bylines from synthetic probes (issue 12) that were missed: a name with its writer's role after a separator
 * ("Jane Doe | Staff writer"), and a wire story's closing "Reporting by …; Editing by …".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, enParagraphs } from './helpers.js';

const P = enParagraphs(5);
const page = (info: string, end = ''): string => `<main><h1>City expands bus network</h1>${info}<div class="story">${P}${end}</div></main>`;
const opts = { head: '<title>City expands bus network</title>' };

test('a line of a name, a separator and a writer\'s role names the writer', () => {
  assert.equal(extractFrom(page('<div>Jane Doe | Staff writer</div><div>March 5, 2020</div>'), opts).author, 'Jane Doe');
  assert.equal(extractFrom(page('<p>Jane Doe, Contributor</p><p>March 5, 2020</p>'), opts).author, 'Jane Doe');
  assert.equal(extractFrom(page('<p>Jane Q. Doe – Senior Political Correspondent</p>'), opts).author, 'Jane Q. Doe');
  // An editor's role is not a writer's, and a role alone names nobody.
  assert.equal(extractFrom(page('<p>Jane Doe, Managing Editor</p>'), opts).author, undefined);
  assert.equal(extractFrom(page('<p>Staff writer</p>'), opts).author, undefined);
});

test('"Reporting by" opening a closing credit line names the reporter; "Additional reporting by" does not', () => {
  assert.equal(extractFrom(page('<p>March 5, 2020</p>', '<p>Reporting by Jane Doe; Editing by John Roe</p>'), opts).author, 'Jane Doe');
  assert.equal(extractFrom(page('<p>March 5, 2020</p>', '<p>Additional reporting by Jane Doe; Editing by John Roe</p>'), opts).author, undefined);
});

test('a bold paragraph of a full name opening the body is the byline, unless the story names it again', () => {
  const opening = (line: string): string => `<main><h1>City expands bus network</h1><p>March 5, 2020</p><div class="story"><p>${line}</p>${P}</div></main>`;
  assert.equal(extractFrom(opening('<strong>Mohloai Mpesi</strong>'), opts).author, 'Mohloai Mpesi');
  assert.equal(extractFrom(opening('<strong>Mathatisi Sebusi/Mohalenyane Phakela</strong>'), opts).author, 'Mathatisi Sebusi, Mohalenyane Phakela');
  // A bold subhead, or the person the story is about (named again in it), is no byline; nor is a line only partly bold.
  const about = `<main><h1>City expands bus network</h1><div class="story"><p><strong>Mary Major</strong></p><p>Mary Major, the transport commissioner, said the routes were long overdue.</p>${P}</div></main>`;
  assert.equal(extractFrom(about, opts).author, undefined);
  assert.equal(extractFrom(opening('<strong>Mohloai Mpesi</strong> reports'), opts).author, undefined);
});
