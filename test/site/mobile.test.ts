/**
 * The site on a 390 px phone screen in headless Chromium: the category bar stays one line (it scrolls
 * sideways) and nothing is wider than the screen, long URLs included. Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startSiteServer, type SiteServer } from '../../src/site/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { makeInput } from '../snapshot/fixtures.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: mobile layout test skipped`;
const LONG_URL = `https://www.example-news-outlet-with-a-long-name.example.com/2025/10/12/${'very-long-path-segment-'.repeat(8)}story.html?${'utm_source=newsletter&'.repeat(5)}id=1`;

describe('the site on a 390 px phone', { skip }, () => {
  let root: string;
  let server: SiteServer;
  let browser: Browser;
  let page: Page;
  const ids: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    root = mkdtempSync(join(tmpdir(), 'snapcrawl-mobile-'));
    const storeDir = join(root, 'store');
    const store = SnapshotStore.open(storeDir);
    const categories = ['国内', '国际', '财经', '科技', '体育', '文化', '教育', '健康', '军事', '社会', 'World', 'Business'];
    categories.forEach((category, i) => {
      const url = i === 0 ? LONG_URL : `https://news${i}.example.com/story-${i}.html`;
      ids.push(
        store.write(
          makeInput({
            url,
            body: `${'统筹发展和安全，推动高质量发展。'.repeat(30)}${LONG_URL}`,
            article: { title: i === 0 ? LONG_URL : `第${i}条新闻标题：${category}领域的最新进展`, category, language: 'zh-CN', publisher: undefined },
          }),
        ).id,
      );
    });
    store.close();
    server = await startSiteServer({ storeDir, port: 0, site: { title: '资讯信息快照', locale: 'zh-CN', takedownContact: 'takedown@example.org' } });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const pages = (): [string, string][] => [
    ['home', ''],
    ['snapshot', `s/${ids[0]}`],
    ['versions', `s/${ids[0]}/versions`],
    ['raw', `s/${ids[0]}/raw`],
    ['search', `search?q=${encodeURIComponent('安全')}`],
    ['search-url', `search?q=${encodeURIComponent(LONG_URL.slice(0, 190))}`],
  ];

  test('the category bar is one line and no page is wider than the screen', async () => {
    for (const [name, path] of pages()) {
      await page.goto(`${server.url}${path}`);
      await page.screenshot({ path: join(ARTIFACTS, `site-phone-${name}.png`), fullPage: false });
      const m = await page.evaluate(() => {
        const nav = document.querySelector('nav.cats')!;
        const links = [...nav.querySelectorAll('a')];
        const tops = new Set(links.map((a) => Math.round(a.getBoundingClientRect().top)));
        const lineHeight = parseFloat(getComputedStyle(links[0]).lineHeight);
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !el.closest('nav.cats .wrap'))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
        return {
          scrollWidth: document.documentElement.scrollWidth,
          navLinks: links.length,
          navLines: tops.size,
          navContentHeight: (nav.querySelector('.wrap') as HTMLElement).clientHeight - 16,
          lineHeight,
          wide,
        };
      });
      assert.ok(m.scrollWidth <= 390, `${name}: scrollWidth ${m.scrollWidth} (${m.wide.join(', ')})`);
      assert.deepEqual(m.wide, [], name);
      assert.equal(m.navLinks, 13, name);
      assert.equal(m.navLines, 1, `${name}: the category bar wraps`);
      assert.ok(Math.abs(m.navContentHeight - m.lineHeight) <= 1, `${name}: nav height ${m.navContentHeight} vs line ${m.lineHeight}`);
    }
  });
});
