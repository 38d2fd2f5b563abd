import { accessSync, constants } from 'node:fs';
import type { Browser, BrowserServer } from 'playwright-core';
import type { Logger } from '../../util/logger.js';
import { withTimeout } from './deadline.js';
import { BrowserError } from './types.js';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, no sandbox (containers), nothing phoning home. UDP is kept off
 * (QUIC, non-proxied WebRTC) so every connection goes through the render's guard proxy.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

const LAUNCH_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 5_000;

export function chromiumPath(explicit?: string): string {
  return explicit ?? process.env.SNAPCRAWL_CHROMIUM ?? DEFAULT_CHROMIUM_PATH;
}

/** Why Chromium cannot run here (for a clear error, and for tests to skip), or undefined. */
export function chromiumUnavailable(path: string = chromiumPath()): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return `Chromium not found at ${path}: install it with "apt-get install -y chromium" or set SNAPCRAWL_CHROMIUM`;
  }
}

/** The browser a render runs on; `generation` says which launch, so a stale crash report can't kill its successor. */
export interface BrowserLease {
  browser: Browser;
  generation: number;
}

interface LiveBrowser extends BrowserLease {
  server: BrowserServer;
}

export interface BrowserPoolOptions {
  executablePath: string;
  maxPages: number;
  logger: Logger;
}

/**
 * One Chromium, launched on first use, and at most `maxPages` renders on it at once. Launched as a
 * BrowserServer (on 127.0.0.1, random path) so we hold its process: a hung browser can be killed
 * for sure, and tests can kill it. A browser that disconnects or is discarded is relaunched lazily.
 */
export class BrowserPool {
  private live?: LiveBrowser;
  private launching?: Promise<LiveBrowser>;
  private generation = 0;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;
  launches = 0;

  constructor(private readonly options: BrowserPoolOptions) {}

  /** Launches after the first one: how often a crashed or hung browser was replaced. */
  get restarts(): number {
    return Math.max(0, this.launches - 1);
  }

  /** Process id of the running browser, if any (diagnostics, tests). */
  pid(): number | undefined {
    return this.live?.server.process().pid;
  }

  /** Runs `fn` holding one of the `maxPages` slots. */
  async withSlot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.options.maxPages) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the releaser hands its slot over
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** The running browser, launching one if needed (one launch at a time). */
  async acquire(url?: string): Promise<BrowserLease> {
    if (this.closed) throw new BrowserError('browser pool is closed', url, 'launch');
    if (this.live?.browser.isConnected()) return this.live;
    this.launching ??= this.launch().finally(() => (this.launching = undefined));
    try {
      return await this.launching;
    } catch (err) {
      throw new BrowserError(`could not start Chromium: ${(err as Error).message.split('\n')[0]}`, url, 'launch', { cause: err });
    }
  }

  /** True when the browser answers a CDP round trip within `ms` (false = hung or gone). */
  async isResponsive(lease: BrowserLease, ms: number): Promise<boolean> {
    if (!lease.browser.isConnected()) return false;
    try {
      const session = await withTimeout(lease.browser.newBrowserCDPSession(), ms, 'opening a CDP session');
      await withTimeout(session.send('Browser.getVersion'), ms, 'Browser.getVersion');
      await session.detach().catch(() => undefined);
      return true;
    } catch {
      return false;
    }
  }

  /** Kills the browser of `generation` (crashed or hung) unless it was already replaced; the next acquire relaunches. */
  async discard(generation: number, reason: string): Promise<void> {
    const live = this.live;
    if (!live || live.generation !== generation) return;
    this.live = undefined;
    this.options.logger.warn({ pid: live.server.process().pid, reason }, 'discarding the browser; it will be restarted');
    await live.server.kill().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const live = this.live ?? (await this.launching?.catch(() => undefined));
    this.live = undefined;
    if (!live) return;
    try {
      await withTimeout(live.browser.close(), CLOSE_TIMEOUT_MS, 'closing the browser');
      await withTimeout(live.server.close(), CLOSE_TIMEOUT_MS, 'closing the browser server');
    } catch {
      await live.server.kill().catch(() => undefined);
    }
  }

  private async launch(): Promise<LiveBrowser> {
    const unavailable = chromiumUnavailable(this.options.executablePath);
    if (unavailable) throw new Error(unavailable);
    // Loaded on first launch: importing playwright-core costs 1–2 s, which HTTP-only runs and other commands skip.
    const { chromium } = await import('playwright-core');
    const server = await chromium.launchServer({
      executablePath: this.options.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      host: '127.0.0.1',
      timeout: LAUNCH_TIMEOUT_MS,
      // The crawler decides how to stop: in-flight pages finish first, then close() ends the browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    let browser: Browser;
    try {
      browser = await chromium.connect(server.wsEndpoint(), { timeout: LAUNCH_TIMEOUT_MS });
    } catch (err) {
      await server.kill().catch(() => undefined);
      throw err;
    }
    const live: LiveBrowser = { server, browser, generation: ++this.generation };
    this.launches++;
    browser.on('disconnected', () => {
      if (this.live !== live) return;
      this.live = undefined;
      this.options.logger.warn({ pid: server.process().pid }, 'browser disconnected (crashed or killed)');
      void server.kill().catch(() => undefined);
    });
    if (this.closed) {
      await server.kill().catch(() => undefined);
      throw new Error('browser pool closed while launching');
    }
    this.live = live;
    this.options.logger.info({ pid: server.process().pid, version: browser.version() }, 'browser started');
    return live;
  }
}
