import type { SourceConfig } from '../config/index.js';
import type { BrowserRenderResult, PrivateAccess, RenderOptions } from '../fetch/index.js';
import type { SnapshotInput } from '../snapshot/index.js';

/** A page rendered in the browser, on its way to extraction and the store. */
export interface BrowserPage {
  rendered: BrowserRenderResult;
  render: { mode: 'browser'; reason: string };
}

/**
 * Per-page render settings from the source: its private endpoints (privateScope.ts: every request and
 * connection of the page is judged against them), its User-Agent, and robots.txt for
 * requests to the page's own origin (`robotsAllow`: the embedded RobotsCache or a worker's SharedRobots). Sub-resources
 * on other origins (CDNs) are page requisites, as archive crawlers treat them; fetching each one's robots.txt
 * mid-render would stall the page.
 */
export function renderOptionsFor(source: SourceConfig, privateAccess: PrivateAccess, pageUrl: string, robotsAllow: (url: string) => Promise<boolean>): RenderOptions {
  const origin = new URL(pageUrl).origin;
  return {
    privateAccess,
    timeLimitMs: source.browser.timeLimitMs,
    networkIdleCapMs: source.browser.networkIdleCapMs,
    blockResources: source.browser.blockResources,
    screenshot: source.browser.screenshot,
    ...(source.browser.waitForSelector ? { waitForSelector: source.browser.waitForSelector } : {}),
    ...(source.userAgent ? { userAgent: source.userAgent } : {}),
    allowRequest: async (url) => {
      if (!url.startsWith(`${origin}/`) && url !== origin) return true;
      return robotsAllow(url);
    },
  };
}

/** snapshot.json render: why the browser was used, and how waiting ended when it did not settle. */
export function renderRecord(reason: string, rendered: BrowserRenderResult): BrowserPage['render'] {
  const settled = rendered.wait.settled === 'time-limit' || rendered.wait.settled === 'idle-cap' ? `; ${rendered.wait.reason}` : '';
  return { mode: 'browser', reason: `${reason}${settled}` };
}

/** The store's extra inputs for a rendered page: sub-resources, the rendered DOM and the screenshot. */
export function browserPageInput(page: BrowserPage): Pick<SnapshotInput, 'resources' | 'renderedHtml' | 'screenshot'> {
  const { rendered } = page;
  return {
    resources: rendered.resources,
    renderedHtml: rendered.html,
    ...(rendered.screenshot ? { screenshot: rendered.screenshot } : {}),
  };
}
