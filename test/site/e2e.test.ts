/**
 * The site in real headless Chromium: browse, search in Chinese, read a snapshot and its provenance,
 * follow the original-URL link, check an archived page's script never runs, take a snapshot down.
 * Screenshots go to test/artifacts/ (git-ignored). Skipped when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSiteServer, type SiteServer } from '../../src/site/index.js';
import { takedown } from '../../src/takedown/index.js';
import { articleByKey } from '../fixtures/site/articles.js';
import { crawledFixture, type CrawledFixture } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium): end-to-end site tests skipped`;

describe('snapshot site in headless Chromium', { skip }, () => {
  let fx: CrawledFixture;
  let server: SiteServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every request to the beacon (what an archived page would call) that actually went out. */
  const beaconHits: string[] = [];
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(ARTIFACTS, `site-${name}.png`), fullPage });

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    fx = await crawledFixture();
    server = await startSiteServer({
      storeDir: fx.storeDir,
      port: 0,
      site: { title: '资讯信息快照', locale: 'zh-CN', takedownContact: 'takedown@example.org' },
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    // 'requestfinished': the browser also reports requests its CSP blocked before they left ('requestfailed').
    context.on('requestfinished', (req) => {
      if (req.url().startsWith(fx.fixture.beacon.url)) beaconHits.push(req.url());
    });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await fx?.cleanup();
  });

  test('home, then a Chinese search, then a snapshot with its provenance and related list', async () => {
    await page.goto(server.url);
    assert.equal(await page.locator('h1').first().textContent(), '最新快照');
    assert.equal(await page.locator('ul.list > li').count(), 12);
    await shot('home');

    await page.fill('input[name="q"]', '潍坊');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.press('input[name="q"]', 'Enter')]);
    assert.match(await page.locator('h1').first().innerText(), /“潍坊”的搜索结果：共 5 条/);
    assert.ok((await page.locator('mark').count()) >= 5);
    await shot('search');

    const weifang = articleByKey('weifang');
    await Promise.all([page.waitForURL(new RegExp(`/s/${fx.ids.weifang}$`)), page.getByRole('link', { name: weifang.title }).click()]);
    assert.equal(await page.locator('article h1').innerText(), weifang.title);
    assert.match(await page.locator('.meta').innerText(), /类别：国内\s*发布时间：2025-10-12 23:41 \(UTC\+8\)\s*来源：鲁网/);
    // Pictures are placeholders naming them; the reader's browser never asks the original site for them.
    assert.equal(await page.locator('.body img').count(), 0);
    assert.match(await page.locator('.body figure.image-placeholder').first().innerText(), /图片[\s\S]*潍坊“友城伙伴”增至45个[\s\S]*原图地址/);
    assert.deepEqual(fx.fixture.site.requests.filter((r) => r.includes('/uploads/')), []);
    const provenance = page.locator('aside.provenance');
    assert.ok(await provenance.isVisible());
    assert.match(await provenance.innerText(), /本站未对内容做任何修改[\s\S]*快照生成时间[\s\S]*takedown@example\.org/);
    const related = page.locator('section.related li');
    assert.ok((await related.count()) >= 4);
    assert.ok(await page.locator('section.more').isVisible());
    await shot('snapshot');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('snapshot-phone', false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('the original-URL link leaves with noopener, no referrer, nofollow', async () => {
    const original = page.locator('aside.provenance a.original-url');
    assert.equal(await original.getAttribute('href'), fx.fixture.urlOf('weifang'));
    assert.equal(await original.getAttribute('rel'), 'noopener noreferrer nofollow');
    const [popup] = await Promise.all([context.waitForEvent('page'), original.click()]);
    await popup.waitForLoadState();
    assert.equal(popup.url(), fx.fixture.urlOf('weifang'));
    assert.deepEqual(await popup.evaluate(() => [window.opener, document.referrer]), [null, '']);
    await popup.close();
  });

  test("an archived page's script, form, refresh and callouts never run", async () => {
    const hostile = `${server.url}s/${fx.ids.hostile}`;
    await page.goto(`${hostile}/raw`);
    const frame = page.frameLocator('iframe.raw-frame');
    await frame.locator('#evil-submit').click({ timeout: 5000 });
    await frame.locator('#js-link').click();
    await page.waitForTimeout(4000); // well past the archived page's 2 s meta refresh
    const archived = page.frames().find((f) => f.url().endsWith('/raw/content'));
    assert.ok(archived, 'the archived page is still in its frame (no form post, refresh or javascript: navigation)');
    const pageTitle = `${articleByKey('hostile').title} - Harbor Daily`;
    const state = await archived.evaluate(() => [document.title, document.getElementById('pwned') !== null, document.body.getAttribute('data-pwned'), document.querySelector('h1.title') !== null]);
    assert.deepEqual(state, [pageTitle, false, null, true]);
    await shot('raw');

    // Opened on its own, the raw bytes are still sandboxed by their CSP.
    await page.goto(`${hostile}/raw/content`);
    assert.deepEqual(await page.evaluate(() => [document.title, document.getElementById('pwned') !== null]), [pageTitle, false]);
    await page.goto(hostile);
    assert.equal(await page.locator('#pwned').count(), 0);
    assert.equal(await page.locator('article h1').innerText(), articleByKey('hostile').title);
    assert.deepEqual(beaconHits, []);
    assert.deepEqual(fx.fixture.beacon.requests, []);
  });

  test('versions show a readable diff', async () => {
    await page.goto(`${server.url}s/${fx.ids.promotion}/versions`);
    assert.equal(await page.locator('.diff ins', { hasText: '再次' }).count(), 1);
    await shot('versions');
  });

  test('a taken-down snapshot answers 410 and vanishes from home, search and related lists', async () => {
    takedown(fx.storeDir, { id: fx.ids.promotion }, { reason: 'rights holder request' });
    const gone = await page.goto(`${server.url}s/${fx.ids.promotion}`);
    assert.equal(gone?.status(), 410);
    assert.match(await page.locator('h1').innerText(), /该快照已删除/);
    await shot('gone');
    const title = articleByKey('promotion').title;
    await page.goto(server.url);
    assert.equal(await page.locator('ul.list a.title', { hasText: '外交部' }).count(), 0);
    await page.goto(`${server.url}search?q=${encodeURIComponent('潍坊')}`);
    assert.match(await page.locator('h1').first().innerText(), /共 4 条/);
    await page.goto(`${server.url}s/${fx.ids.weifang}`);
    const relatedTitles = await page.locator('section.related a.title').allInnerTexts();
    assert.ok(relatedTitles.length >= 3);
    assert.equal(relatedTitles.some((t) => t.includes('外交部')), false, `${title} still related`);
  });
});
