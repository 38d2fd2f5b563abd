import type { Browser, BrowserContext, Page, Request, Response } from 'playwright-core';
import { FetchError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import { HostVetter } from './addressPolicy.js';
import { EMPTY_ROOT_CHARS, ROOT_SELECTORS } from './appShell.js';
import { abortable, isTimeout, remaining, withTimeout } from './deadline.js';
import { GuardProxy } from './guardProxy.js';
import { installRequestGuard } from './requestGuard.js';
import { documentResult, ResourceRecorder, type ResourceLimits } from './resources.js';
import type { AddressPolicy, AllowRequest, BlockableResourceType, BlockedRequest, BrowserRenderResult, WaitOutcome } from './types.js';

/** Budgets for the steps after the time limit: capturing what rendered must not hang either. */
export const STEP_TIMEOUTS = { openContext: 10_000, serialize: 5_000, screenshot: 10_000, documentBody: 2_000, resources: 3_000, closeContext: 5_000 };
/** Longest a render can take beyond its time limit; past it the browser is presumed hung. */
export const CAPTURE_GRACE_MS = Object.values(STEP_TIMEOUTS).reduce((a, b) => a + b, 0);

export interface RenderSettings {
  timeLimitMs: number;
  networkIdleCapMs: number;
  waitForSelector?: string;
  blockResources: readonly BlockableResourceType[];
  policy: AddressPolicy;
  userAgent: string;
  headers: Record<string, string>;
  allowRequest?: AllowRequest;
  screenshot: boolean;
  limits: ResourceLimits;
  viewport: { width: number; height: number };
  /** Ask for the main document uncompressed (see requestGuard); off only for servers that compress anyway. */
  identityDocument: boolean;
  signal?: AbortSignal;
}

/** What one render produced, plus whether its context failed to close (a sign the browser is stuck). */
export type PageRender = Omit<BrowserRenderResult, 'attempts'> & { contextStuck: boolean };

/**
 * One page in a fresh context: guard proxy + route guard, navigate, wait (DOMContentLoaded, then a
 * selector or network idle with a cap, all within the time limit), then capture DOM, screenshot,
 * document and sub-resources. The context is always closed; a context that won't close is reported.
 */
export async function renderPage(browser: Browser, url: string, s: RenderSettings, logger: Logger): Promise<PageRender> {
  const blocked: BlockedRequest[] = [];
  const vetter = new HostVetter(s.policy);
  const proxy = await GuardProxy.start(vetter, {
    onBlocked(target, reason) {
      blocked.push({ url: target, layer: 'proxy', cause: 'address', reason });
      logger.warn({ url, target, reason }, 'browser connection blocked (SSRF guard)');
    },
  });
  let context: BrowserContext | undefined;
  // Closing the context makes every pending page call fail at once; BrowserFetcher reports the abort.
  const onAbort = (): void => void context?.close().catch(() => undefined);
  s.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    context = await withTimeout(
      browser.newContext({
        userAgent: s.userAgent,
        extraHTTPHeaders: s.headers,
        proxy: { server: proxy.url },
        serviceWorkers: 'block', // their requests would bypass route interception
        acceptDownloads: false,
        viewport: s.viewport,
      }),
      STEP_TIMEOUTS.openContext,
      'opening a browser context',
    );
    if (s.signal?.aborted) throw new FetchError('aborted', url, 'network', { cause: s.signal.reason });
    const captured = await abortable(renderInContext(context, proxy, vetter, blocked, url, s, logger), s.signal);
    const closed = await closeContext(context);
    context = undefined;
    return { ...captured, contextStuck: !closed };
  } finally {
    s.signal?.removeEventListener('abort', onAbort);
    if (context) await closeContext(context);
    await proxy.close();
  }
}

async function renderInContext(
  context: BrowserContext,
  proxy: GuardProxy,
  vetter: HostVetter,
  blocked: BlockedRequest[],
  url: string,
  s: RenderSettings,
  logger: Logger,
): Promise<Omit<PageRender, 'contextStuck'>> {
  const started = Date.now();
  const deadline = started + s.timeLimitMs;
  const guard = installRequestGuard(context, {
    vetter,
    blockResources: s.blockResources,
    allowRequest: s.allowRequest,
    identityDocument: s.identityDocument,
    onBlocked: (b) => blocked.push(b),
    logger,
  });
  await withTimeout(guard, STEP_TIMEOUTS.openContext, 'installing request interception');
  const recorder = new ResourceRecorder(context, s.limits, (u) => proxy.remoteAddressOf(u), logger);
  const page = await withTimeout(context.newPage(), STEP_TIMEOUTS.openContext, 'opening a page');
  const response = await navigate(page, url, s, deadline, blocked, vetter);
  const wait = await waitUntilSettled(page, s, started, deadline);
  if (wait.settled === 'time-limit') logger.warn({ url, reason: wait.reason }, 'render stopped at the time limit');
  const html = await serialize(page, url);
  const screenshot = s.screenshot ? await takeScreenshot(page, url, logger) : undefined;
  // A document cut off before DOMContentLoaded is still streaming: its body will not complete now.
  const bodyWaitMs = !wait.domContentLoaded ? 250 : STEP_TIMEOUTS.documentBody;
  const document = await documentResult(url, response, bodyWaitMs, (u) => proxy.remoteAddressOf(u), logger);
  const { resources, dropped } = await recorder.collect(STEP_TIMEOUTS.resources, requestChain(response.request()));
  return { document, html, ...(screenshot ? { screenshot } : {}), resources, resourcesDropped: dropped, blocked, wait, renderedAt: new Date(started) };
}

/** False when the context would not close in time: the browser is probably stuck. */
function closeContext(context: BrowserContext): Promise<boolean> {
  return withTimeout(context.close(), STEP_TIMEOUTS.closeContext, 'closing the context').then(
    () => true,
    () => false,
  );
}

async function navigate(page: Page, url: string, s: RenderSettings, deadline: number, blocked: BlockedRequest[], vetter: HostVetter): Promise<Response> {
  let response: Response | null;
  try {
    // 'commit' = response headers in and the document started: from here on something can render.
    response = await page.goto(url, { waitUntil: 'commit', timeout: remaining(deadline) });
  } catch (err) {
    if (isTimeout(err)) throw new FetchError(`no response within the ${s.timeLimitMs} ms time limit`, url, 'timeout', { cause: err });
    const message = (err as Error).message.split('\n')[0] ?? String(err);
    const refused = blocked.find((b) => b.cause === 'address' && (b.url === url || b.layer === 'proxy'));
    if (refused && /ERR_BLOCKED_BY_CLIENT|ERR_SOCKS_CONNECTION_FAILED/.test(message)) {
      throw new FetchError(refused.reason, url, 'blocked-address', { cause: err });
    }
    // Through the guard proxy, an unresolvable host shows up as a SOCKS failure; say what it was.
    const verdict = await vetter.vetUrl(url);
    if (!verdict.allowed && !verdict.blocked) throw new FetchError(verdict.reason, url, 'network', { cause: err });
    throw new FetchError(`navigation failed: ${message}`, url, 'network', { cause: err });
  }
  if (!response) throw new FetchError('navigation produced no response', url, 'network');
  return response;
}

async function waitUntilSettled(page: Page, s: RenderSettings, started: number, deadline: number): Promise<WaitOutcome> {
  let domContentLoaded = false;
  const outcome = (settled: WaitOutcome['settled'], reason: string): WaitOutcome => ({ settled, reason, elapsedMs: Date.now() - started, domContentLoaded });
  const atLimit = (stage: string) => outcome('time-limit', `time limit of ${s.timeLimitMs} ms reached ${stage}; kept what had rendered`);
  try {
    await page.waitForLoadState('domcontentloaded', { timeout: remaining(deadline) });
    domContentLoaded = true;
  } catch (err) {
    if (!isTimeout(err)) throw err;
    return atLimit('before DOMContentLoaded (the document never finished loading)');
  }
  if (s.waitForSelector !== undefined) {
    try {
      await page.waitForSelector(s.waitForSelector, { state: 'attached', timeout: remaining(deadline) });
      return outcome('selector', `selector "${s.waitForSelector}" appeared`);
    } catch (err) {
      if (!isTimeout(err)) throw err;
      return atLimit(`waiting for selector "${s.waitForSelector}"`);
    }
  }
  const budget = deadline - Date.now();
  const cap = Math.min(s.networkIdleCapMs, budget);
  if (cap <= 0) return atLimit('before the network went idle');
  let idle: WaitOutcome;
  try {
    await page.waitForLoadState('networkidle', { timeout: cap });
    idle = outcome('network-idle', 'network idle after DOMContentLoaded');
  } catch (err) {
    if (!isTimeout(err)) throw err;
    if (cap >= budget) return atLimit('with the network still busy');
    idle = outcome('idle-cap', `network still busy after the ${s.networkIdleCapMs} ms idle cap; kept what had rendered`);
  }
  // Network idle is a guess: an app that waits on a timer (or a renderer starved of CPU) can look idle
  // before it has built anything. An empty framework mount point is direct evidence it has not.
  const root = await emptyMountPoint(page);
  if (root === undefined) return idle;
  const rootWait = Math.min(s.networkIdleCapMs, deadline - Date.now());
  if (rootWait <= 0) return { ...idle, reason: `${idle.reason}; ${root} still empty` };
  try {
    await page.waitForFunction(
      ([selector, min]) => (document.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim().length >= min,
      [root, EMPTY_ROOT_CHARS] as const,
      { timeout: rootWait, polling: 100 },
    );
    // What the app just inserted (images above all) is still loading: give it until the network is quiet
    // again, within the same cap, so the screenshot and the archived resources include it.
    const settleMs = Math.min(s.networkIdleCapMs, deadline - Date.now());
    if (settleMs > 0) await page.waitForLoadState('networkidle', { timeout: settleMs }).catch(() => undefined);
    await page
      .waitForFunction(() => Array.from(document.images).every((img) => img.complete), undefined, { timeout: Math.max(1, Math.min(settleMs, deadline - Date.now())), polling: 100 })
      .catch(() => undefined);
    return outcome('root-filled', `${idle.reason}; then waited for ${root} to be filled`);
  } catch (err) {
    if (!isTimeout(err)) throw err;
    if (Date.now() >= deadline) return atLimit(`waiting for ${root} to be filled`);
    return { ...outcome(idle.settled, idle.reason), reason: `${idle.reason}; ${root} still empty after ${rootWait} ms more` };
  }
}

/** The first framework mount point (#root, #app…) on the page that is present but (nearly) empty. */
async function emptyMountPoint(page: Page): Promise<string | undefined> {
  try {
    const found = await withTimeout(
      page.evaluate(
        ([selectors, min]) =>
          selectors.find((sel) => {
            const el = document.querySelector(sel);
            return el !== null && (el.textContent ?? '').replace(/\s+/g, ' ').trim().length < min;
          }) ?? null,
        [ROOT_SELECTORS, EMPTY_ROOT_CHARS] as const,
      ),
      STEP_TIMEOUTS.serialize,
      'checking the mount point',
    );
    return found ?? undefined;
  } catch {
    return undefined; // a page that cannot be asked is serialized as it is
  }
}

async function serialize(page: Page, url: string): Promise<string> {
  try {
    return await withTimeout(page.content(), STEP_TIMEOUTS.serialize, 'serializing the DOM');
  } catch (err) {
    // A renderer stuck in a script cannot be read; the page failed, the browser may be fine.
    throw new FetchError(`could not read the rendered page: ${(err as Error).message.split('\n')[0]}`, url, isTimeout(err) ? 'timeout' : 'network', { cause: err });
  }
}

async function takeScreenshot(page: Page, url: string, logger: Logger): Promise<Buffer | undefined> {
  try {
    return await page.screenshot({ fullPage: true, type: 'png', timeout: STEP_TIMEOUTS.screenshot, animations: 'disabled', caret: 'hide' });
  } catch (err) {
    logger.warn({ url, err: (err as Error).message.split('\n')[0] }, 'no screenshot');
    return undefined;
  }
}

/** The main document's request and the requests it was redirected from. */
function requestChain(last: Request): Set<Request> {
  const chain = new Set<Request>();
  for (let r: Request | null = last; r; r = r.redirectedFrom()) chain.add(r);
  return chain;
}
