/**
 * The demo news site (demo/) served as several hosts — one port each on 127.0.0.1 — with a request log that has
 * both ends of every request, for the shared-crawl tests and `scripts/bench/workers.ts`. Each host is its own site
 * (its own articles, sitemap, robots.txt, links to itself only). Responses can be held back a fixed time, so that
 * requests to one host overlap and a per-host concurrency limit has something to limit.
 */
import { fork } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setPriority } from 'node:os';
import { generateArticles } from '../../demo/articleGenerator.js';
import type { PageContext } from '../../demo/pageContext.js';
import { route } from '../../demo/siteRoutes.js';
import type { DemoArticle } from '../../demo/types.js';

export interface LoggedRequest {
  /** `127.0.0.1:PORT`: the politeness unit. */
  host: string;
  path: string;
  /** performance.timeOrigin + performance.now() when the request reached the handler (ms, sub-ms precision). */
  start: number;
  /** When the response was handed to the socket; an upper bound inside the client's own view of the request. */
  end: number;
}

export interface MultiHostSite {
  /** `http://127.0.0.1:PORT` per host. */
  origins: string[];
  /** Every article's absolute URL, over all hosts. */
  articleUrls: string[];
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const now = () => performance.timeOrigin + performance.now();

/** Starts `hosts` demo sites of `articlesPerHost` articles each; responses wait `responseDelayMs` before they are sent. */
export async function startMultiHostSite(o: { hosts: number; articlesPerHost: number; responseDelayMs?: number; logRequests?: boolean }): Promise<MultiHostSite> {
  const requests: LoggedRequest[] = [];
  const servers: Server[] = [];
  const origins: string[] = [];
  const articleUrls: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const titles = new Set<string>();
  for (let i = 0; i < o.hosts; i++) {
    const articles: DemoArticle[] = generateArticles(o.articlesPerHost, 1000 + i).map((a) => {
      // The hosts are one source in the tests' configs, and a run's health counts a title shared by several
      // stored articles of a source as missing; the generator draws titles from a small pool, so hosts' seeds can
      // repeat one (two pairs at 2 × 40). A worker storing both of a pair then reported title fill below 0.9 (seen
      // once: 19/23). Titles are made unique across hosts, as every real article's own is.
      const title = titles.has(a.title) ? `${a.title}（${i + 1}）` : a.title;
      titles.add(title);
      return { ...a, title };
    });
    let origin = '';
    const ctx: PageContext = {
      get origin() {
        return origin;
      },
      faults: false,
      articles,
      articleHref: (path) => path,
      sessionId: () => 'none',
    };
    const handle = (req: IncomingMessage, res: ServerResponse): void => {
      // Nothing but the time is taken on arrival: pages render when they are sent, so a render never delays
      // another request's recorded start.
      const start = now();
      const send = () => {
        timers.delete(timer);
        if (res.destroyed) return;
        const response = route({ method: req.method ?? 'GET', target: req.url ?? '/', headers: req.headers }, ctx, undefined);
        // Logged before the write: the recorded interval lies inside the one the client saw.
        if (o.logRequests !== false) requests.push({ host: origin.slice('http://'.length), path: req.url ?? '/', start, end: now() });
        const length = response.status === 304 ? {} : { 'content-length': String(response.body.length) };
        res.writeHead(response.status, { ...response.headers, ...length });
        res.end(req.method === 'HEAD' || response.status === 304 ? undefined : response.body);
      };
      const timer = setTimeout(send, o.responseDelayMs ?? 0);
      timers.add(timer);
    };
    const server = createServer(handle);
    server.on('clientError', (_e, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    servers.push(server);
    origins.push(origin);
    for (const a of articles) articleUrls.push(`${origin}${a.path}`);
  }
  return {
    origins,
    articleUrls,
    requests,
    async close() {
      for (const t of timers) clearTimeout(t);
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}

/** Per host: the smallest gap between two request starts, and the most requests in progress at once. */
export interface HostPoliteness {
  requests: number;
  minGapMs: number;
  /** The 5th percentile of the gaps: the pacing of the bulk of the requests, past a few jittered arrivals. */
  p05GapMs: number;
  /** The two requests closest together (for the failure message). */
  closest: [string, string] | null;
  /** Gaps between consecutive starts, smallest first (the first few). */
  smallestGaps: number[];
  /** Every gap between consecutive starts, smallest first. */
  gaps: number[];
  maxConcurrent: number;
}

export function politenessOf(requests: readonly LoggedRequest[]): Map<string, HostPoliteness> {
  const byHost = new Map<string, LoggedRequest[]>();
  for (const r of requests) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r]);
  const out = new Map<string, HostPoliteness>();
  for (const [host, list] of byHost) {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    let minGapMs = Infinity;
    let closest: [string, string] | null = null;
    const gaps: number[] = [];
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i]!.start - sorted[i - 1]!.start;
      gaps.push(gap);
      if (gap < minGapMs) {
        minGapMs = gap;
        closest = [sorted[i - 1]!.path, sorted[i]!.path];
      }
    }
    // Sweep: +1 at each start, -1 at each end; an end and a start at the same instant do not overlap.
    const events = list.flatMap((r) => [
      [r.start, 1],
      [r.end, -1],
    ] as [number, number][]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let live = 0;
    let maxConcurrent = 0;
    for (const [, d] of events) maxConcurrent = Math.max(maxConcurrent, (live += d));
    gaps.sort((a, b) => a - b);
    const p05GapMs = gaps[Math.floor(gaps.length * 0.05)] ?? Infinity;
    out.set(host, { requests: list.length, minGapMs, p05GapMs, closest, smallestGaps: gaps.slice(0, 8).map((g) => Math.round(g)), gaps, maxConcurrent });
  }
  return out;
}

interface SiteOptions {
  hosts: number;
  articlesPerHost: number;
  responseDelayMs?: number;
  logRequests?: boolean;
}

/**
 * The same site in a child process of its own: request times are taken where no test assertion, database poll or
 * garbage collection of the test runner can hold them back. The request log comes back when asked (`requests()`).
 */
export async function startMultiHostSiteProcess(o: SiteOptions): Promise<Omit<MultiHostSite, 'requests'> & { requests(): Promise<LoggedRequest[]> }> {
  const child = fork(new URL('./worker-site-main.ts', import.meta.url), [JSON.stringify(o)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // Arrival times are what the tests judge: the site is scheduled ahead of the crawl where the OS lets us (root).
  try {
    if (child.pid !== undefined) setPriority(child.pid, -5);
  } catch {
    // not permitted: the times just carry a little more scheduling jitter
  }
  const started = await new Promise<{ origins: string[]; articleUrls: string[] }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { origins: string[]; articleUrls: string[] }));
    child.once('exit', (code) => reject(new Error(`the site process exited (${code}) before it listened`)));
  });
  return {
    ...started,
    requests: () =>
      new Promise<LoggedRequest[]>((resolve) => {
        child.once('message', (m) => resolve(m as LoggedRequest[]));
        child.send('requests');
      }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.send('close');
      await exited;
    },
  };
}
