import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideRender, isAppShell } from '../../src/fetch/index.js';

const ARTICLE_TEXT = 'The harbour authority confirmed on Tuesday that the new ferry terminal will open next spring. '.repeat(12);

const page = (body: string, head = ''): string => `<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`;

test('create-react-app shell: empty #root and a noscript asking for JavaScript', () => {
  const verdict = isAppShell(page('<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script src="/static/js/main.js"></script>'));
  assert.equal(verdict.shell, true);
  assert.equal(verdict.emptyRoot, '#root');
  assert.equal(verdict.noscriptAsksForJs, true);
  assert.equal(verdict.scripts, 1);
  assert.match(verdict.reason, /^app shell: \d+ characters of text, #root is empty, <noscript> asks for JavaScript, 1 script$/);
});

test('Next.js / Vue / Angular mount points with a loading placeholder', () => {
  assert.equal(isAppShell(page('<div id="__next"></div><script src="/_next/app.js"></script>')).emptyRoot, '#__next');
  const vue = isAppShell(page('<div id="app">Loading…</div><script type="module" src="/main.js"></script>'));
  assert.equal(vue.shell, true);
  assert.equal(vue.emptyRoot, '#app');
  assert.equal(isAppShell(page('<app-root></app-root><script src="main.js"></script>')).shell, true);
});

test('Chinese noscript notice and boilerplate around an empty root still count as a shell', () => {
  const footer = '<footer>' + '版权所有 本网站所刊登的各种新闻、信息和专栏资料，均为本网版权所有。'.repeat(6) + '</footer>';
  const verdict = isAppShell(page(`<noscript>请启用 JavaScript 以浏览本站</noscript><div id="app"></div>${footer}<script src="/a.js"></script>`));
  assert.equal(verdict.noscriptAsksForJs, true);
  assert.ok(verdict.textChars >= 200, 'more than a little text (the footer)');
  assert.equal(verdict.shell, true);
});

test('server-rendered article is not a shell, even inside a framework root', () => {
  const ssr = isAppShell(page(`<div id="__next"><article><h1>Ferry</h1><p>${ARTICLE_TEXT}</p></article></div><script src="/_next/app.js"></script>`));
  assert.equal(ssr.shell, false);
  assert.equal(ssr.emptyRoot, undefined);
  assert.match(ssr.reason, /^server-rendered content: \d{4} characters of text/);
});

test('a short page with nothing for a script to build stays on HTTP', () => {
  const verdict = isAppShell(page('<p>Moved.</p>'));
  assert.equal(verdict.shell, false);
  assert.match(verdict.reason, /^little text but nothing for a script to build/);
  // Script text and JSON data blobs are not visible text.
  const withData = isAppShell(page(`<script type="application/json">${JSON.stringify({ text: ARTICLE_TEXT })}</script><div id="root"></div><script src="a.js"></script>`));
  assert.equal(withData.scripts, 1, 'a JSON data block is not a script');
  assert.equal(withData.shell, true);
});

test('decideRender: the source setting, and for auto the verdict with its reason', () => {
  const shell = page('<div id="root"></div><script src="a.js"></script>');
  assert.deepEqual(decideRender('http', shell), { mode: 'http', reason: 'source render: http' });
  assert.deepEqual(decideRender('browser'), { mode: 'browser', reason: 'source render: browser' });
  assert.equal(decideRender('auto', shell).mode, 'browser');
  assert.match(decideRender('auto', shell).reason, /^auto: app shell: /);
  assert.equal(decideRender('auto', page(`<p>${ARTICLE_TEXT}</p>`)).mode, 'http');
});
