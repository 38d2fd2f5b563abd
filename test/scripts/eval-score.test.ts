/** Scoring rules (scripts/eval/score.ts): corpus/multi's instants within 60 s, the day in the page's zone, name lists; titles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instantMatches, nameMatches, namesMatch, pageDayMatches, titleMatches } from '../../scripts/eval/score.js';

test('publishedAt: the same instant within 60 s when both sides have a zone, else the wall clock; date-only truth by day', () => {
  assert.equal(instantMatches('2024-05-03T17:47:42+02:00', '2024-05-03T15:47:42Z'), true);
  assert.equal(instantMatches('2024-05-03T17:49:00+02:00', '2024-05-03T15:47:42Z'), false);
  assert.equal(instantMatches('2024-05-03T15:47:42+02:00', '2024-05-03T15:47:42Z'), false);
  assert.equal(instantMatches('2024-05-03', '2024-05-03T15:47:42Z'), false);
  assert.equal(instantMatches('2024-05-03T10:00+02:00', '2024-05-03'), true);
  assert.equal(instantMatches('2024-04-25T04:21:30-04:00', '2024-04-25T04:21:02'), true);
  assert.equal(instantMatches(undefined, '2024-05-03'), false);
});

test('day: the truth instant seen in our offset, else the truth day as written', () => {
  assert.equal(pageDayMatches('2024-05-04T00:30:00+02:00', '2024-05-03T22:30:00Z'), true);
  assert.equal(pageDayMatches('2024-05-03T22:30:00+00:00', '2024-05-04T00:30:00+02:00'), true);
  assert.equal(pageDayMatches('2024-05-03', '2024-05-03T22:30:00Z'), true);
  assert.equal(pageDayMatches('2024-05-04', '2024-05-03T22:30:00Z'), false);
});

test('authors: every listed name as whole words, nothing but joining words besides', () => {
  assert.equal(namesMatch('Anna Fink und Jan Marchart', ['Anna Fink', 'Jan Marchart']), true);
  assert.equal(namesMatch('ANNA FINK', ['Anna Fink']), true);
  assert.equal(namesMatch('Anna Fink', ['Anna Fink', 'Jan Marchart']), false);
  assert.equal(namesMatch('Von Anna Fink', ['Anna Fink']), false);
  assert.equal(namesMatch('Anna Fink, Redaktion', ['Anna Fink']), false);
  assert.equal(namesMatch('Anna Finkenstein', ['Anna Fink']), false);
  assert.equal(namesMatch(undefined, ['Anna Fink']), false);
});

test('titleMatches: an ellipsis or an em dash typed in ASCII is the same headline; other wording is not', () => {
  assert.equal(titleMatches('How To Work Remotely While (Shhh…) Also Traveling', 'How To Work Remotely While (Shhh...) Also Traveling'), true);
  assert.equal(titleMatches('Thinking and Solving Problems—Simple Cells Can Do It', 'Thinking and Solving Problems--Simple Cells Can Do It'), true);
  assert.equal(titleMatches('Trump’s plan', "Trump's plan"), true);
  assert.equal(titleMatches('Wait… what', 'Wait what'), false);
  assert.equal(titleMatches('A—B', 'A-B'), false);
});

test('nameMatches: "and" / "&" between names is a separator like the comma; a name is never cut', () => {
  assert.equal(nameMatches('Danielle DeSiato, Donna Enzmann, Natalie Nguyen', 'Danielle DeSiato, Donna Enzmann, and Natalie Nguyen'), true);
  assert.equal(nameMatches('Chen Zhao and Daryl Fairweather', 'Chen Zhao, Daryl Fairweather'), true);
  assert.equal(nameMatches('Linny & Peter', 'Linny and Peter'), true);
  assert.equal(nameMatches('Linny', 'Linny and Peter'), false);
  assert.equal(nameMatches('Andy Anderson', 'Andy Anderson'), true);
  assert.equal(nameMatches('Andy Anderson', 'Anderson'), false);
  assert.equal(nameMatches('王文', '王文，李四'), false);
});
