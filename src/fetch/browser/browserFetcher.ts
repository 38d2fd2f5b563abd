import { FetchError } from '../../util/errors.js';
import { silentLogger, type Logger } from '../../util/logger.js';
import { PrivateAccess } from '../privateAccess.js';
import { addressPolicy } from './addressPolicy.js';
import { BrowserPool, chromiumPath, type BrowserLease } from './browserPool.js';
import { CAPTURE_GRACE_MS, renderPage, type PageRender, type RenderSettings } from './pageRender.js';
import { BrowserError, type BrowserFetcherOptions, type BrowserRenderResult, type RenderOptions } from './types.js';

const DEFAULTS = {
  maxPages: 3,
  timeLimitMs: 30_000,
  networkIdleCapMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxResourceBytes: 50 * 1024 * 1024,
  maxResources: 300,
  viewport: { width: 1280, height: 800 },
};
/** How long a health probe may take before the browser counts as hung. */
const PROBE_TIMEOUT_MS = 3_000;
/** Past the time limit, how often a still-running render probes its browser. */
const PROBE_INTERVAL_MS = 5_000;
/** After a failed probe, how long to wait for a disconnect (crashed) before calling the browser hung. */
const DISCONNECT_GRACE_MS = 500;

/** An aborted render is the caller's decision, never a browser failure to retry. */
function throwIfAborted(signal: AbortSignal | undefined, url: string, cause?: unknown): void {
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
  throw new FetchError(timedOut ? 'timed out' : 'aborted', url, timedOut ? 'timeout' : 'network', { cause: cause ?? reason });
}

const isUnwantedEncoding = (err: unknown): boolean => err instanceof FetchError && /ERR_CONTENT_DECODING_FAILED/.test(err.message);

/** Raised by the watchdog when a render outlives its time limit plus every capture budget. */
class RenderHungError extends Error {}

/**
 * Renders pages in Chromium under the crawler's rules: same User-Agent, the SSRF guard on every
 * request and connection, a per-page time limit. Returns the rendered DOM, a screenshot, the main
 * document's exact response and the sub-resources, ready for the WARC. A browser that crashes,
 * disconnects or hangs is killed, restarted, and the page tried once more.
 */
export class BrowserFetcher {
  private readonly pool: BrowserPool;
  private readonly logger: Logger;

  constructor(private readonly options: BrowserFetcherOptions) {
    this.logger = options.logger ?? silentLogger;
    const maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULTS.maxPages));
    this.pool = new BrowserPool({ executablePath: chromiumPath(options.executablePath), maxPages, logger: this.logger });
  }

  get userAgent(): string {
    return this.options.userAgent;
  }

  /** How many times the browser was replaced after a crash or hang. */
  get restarts(): number {
    return this.pool.restarts;
  }

  /** Process id of the running Chromium, if started (diagnostics, tests). */
  browserPid(): number | undefined {
    return this.pool.pid();
  }

  /**
   * Renders `url`. Any HTTP status is returned (as with HttpFetcher); navigation failures, refused
   * addresses and pages with no response within the time limit throw FetchError; a browser that
   * cannot start, or fails twice, throws BrowserError.
   */
  async render(url: string, options: RenderOptions = {}): Promise<BrowserRenderResult> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (err) {
      throw new FetchError(`not a valid URL: "${url}"`, url, 'invalid-url', { cause: err });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError(`not an http(s) URL`, url, 'invalid-url');
    const settings = this.settingsFor(options);
    return this.pool.withSlot(async () => {
      for (let attempt = 1; ; attempt++) {
        throwIfAborted(options.signal, url);
        const lease = await this.pool.acquire(url);
        throwIfAborted(options.signal, url); // the launch may have taken a while
        try {
          const { contextStuck, ...result } = await this.renderAllowingEncoding(lease, url, settings);
          if (contextStuck) void this.checkHealth(lease, 'a context would not close');
          return { ...result, attempts: attempt };
        } catch (err) {
          throwIfAborted(options.signal, url, err);
          const failure = await this.browserFailure(err, lease);
          if (failure === undefined) {
            if (err instanceof FetchError) throw err;
            throw new FetchError(`browser render failed: ${(err as Error).message.split('\n')[0]}`, url, 'network', { cause: err });
          }
          await this.pool.discard(lease.generation, `${failure} while rendering ${url}`);
          if (attempt >= 2) throw new BrowserError(`browser ${failure} again on the retry`, url, failure, { cause: err });
          this.logger.warn({ url, failure, err: (err as Error).message.split('\n')[0] }, 'browser failed mid-render; retrying on a fresh browser');
        }
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private settingsFor(options: RenderOptions): RenderSettings {
    const o = this.options;
    return {
      timeLimitMs: options.timeLimitMs ?? o.timeLimitMs ?? DEFAULTS.timeLimitMs,
      networkIdleCapMs: options.networkIdleCapMs ?? o.networkIdleCapMs ?? DEFAULTS.networkIdleCapMs,
      ...(options.waitForSelector !== undefined ? { waitForSelector: options.waitForSelector } : {}),
      blockResources: options.blockResources ?? o.blockResources ?? [],
      policy: addressPolicy(options.privateAccess ?? o.privateAccess ?? PrivateAccess.NONE, options.allowedPrivateRanges ?? o.allowedPrivateRanges ?? []),
      userAgent: options.userAgent ?? o.userAgent,
      headers: options.headers ?? {},
      ...(options.allowRequest ? { allowRequest: options.allowRequest } : {}),
      screenshot: options.screenshot ?? o.screenshot ?? true,
      limits: {
        maxBytes: o.maxBytes ?? DEFAULTS.maxBytes,
        maxResourceBytes: o.maxResourceBytes ?? DEFAULTS.maxResourceBytes,
        maxResources: o.maxResources ?? DEFAULTS.maxResources,
      },
      viewport: o.viewport ?? DEFAULTS.viewport,
      identityDocument: true,
      ...(options.signal ? { signal: options.signal } : {}),
    };
  }

  /**
   * A server that compresses the document despite Accept-Encoding: identity makes Chromium refuse
   * the body; such a page is loaded again as any browser would, and archived decoded (its encoding
   * headers renamed, see resources.ts).
   */
  private async renderAllowingEncoding(lease: BrowserLease, url: string, settings: RenderSettings): Promise<PageRender> {
    try {
      return await this.renderWatched(lease, url, settings);
    } catch (err) {
      if (!isUnwantedEncoding(err) || !settings.identityDocument) throw err;
      this.logger.warn({ url }, 'server compressed the document despite Accept-Encoding: identity; archiving it decoded');
      settings.identityDocument = false;
      return this.renderWatched(lease, url, settings);
    }
  }

  /**
   * renderPage with a watchdog. Past the time limit the browser is probed every few seconds: a
   * browser that cannot answer a CDP round trip is hung, and the render fails at once rather than
   * waiting out every capture step. Outliving all step budgets counts as hung too.
   */
  private renderWatched(lease: BrowserLease, url: string, settings: RenderSettings): Promise<PageRender> {
    const render = renderPage(lease.browser, url, settings, this.logger);
    render.catch(() => undefined); // after a lost race it fails when the browser is killed
    const timers: NodeJS.Timeout[] = [];
    let done = false;
    const watchdog = new Promise<never>((_, reject) => {
      const probe = async (): Promise<void> => {
        if (done) return;
        if (!(await this.pool.isResponsive(lease, PROBE_TIMEOUT_MS))) {
          reject(new RenderHungError(`browser unresponsive past the ${settings.timeLimitMs} ms time limit`));
        } else if (!done) timers.push(setTimeout(() => void probe(), PROBE_INTERVAL_MS));
      };
      timers.push(setTimeout(() => void probe(), settings.timeLimitMs + PROBE_INTERVAL_MS / 5));
      const hardLimit = settings.timeLimitMs + CAPTURE_GRACE_MS;
      timers.push(setTimeout(() => reject(new RenderHungError(`render outlived its ${settings.timeLimitMs} ms limit`)), hardLimit));
    });
    return Promise.race([render, watchdog]).finally(() => {
      done = true;
      for (const timer of timers) clearTimeout(timer);
    });
  }

  /**
   * 'crashed' / 'hung' when the browser (not the page) is to blame; undefined for page failures.
   * A killed browser can fail a navigation before its disconnect is noticed, and a stopped one looks
   * like a slow page, so anything but a plain refusal is followed by a probe.
   */
  private async browserFailure(err: unknown, lease: BrowserLease): Promise<'crashed' | 'hung' | undefined> {
    if (err instanceof RenderHungError) return 'hung';
    if (err instanceof FetchError && (err.kind === 'blocked-address' || err.kind === 'invalid-url')) return undefined;
    if (await this.pool.isResponsive(lease, PROBE_TIMEOUT_MS)) return undefined;
    if (lease.browser.isConnected()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, DISCONNECT_GRACE_MS);
        lease.browser.once('disconnected', () => (clearTimeout(timer), resolve()));
      });
    }
    return lease.browser.isConnected() ? 'hung' : 'crashed';
  }

  private async checkHealth(lease: BrowserLease, why: string): Promise<void> {
    if (!(await this.pool.isResponsive(lease, PROBE_TIMEOUT_MS))) await this.pool.discard(lease.generation, `unresponsive after ${why}`);
  }
}
