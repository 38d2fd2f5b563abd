/**
 * Page requisites of an article snapshot: the images its extracted body references and its lead image
 * (og:image — both are in `article.images`), fetched the way pages are — robots.txt, the per-host
 * spacing of the page processor, the same HttpFetcher with the source's private-address scope,
 * takedown exclusions — under per-page caps from the source's `requisites` config. Each good image
 * becomes an exchange archived in the snapshot's own WARC; every image, good or not, is recorded in
 * snapshot.json `requisites.images`. An image that fails is recorded, never fatal to the page.
 */
import type { CrawlConfig, SourceConfig } from '../config/index.js';
import { RobotsCache, type FetchResult, type HttpFetcher, type PrivateAccess, type RobotsVerdict } from '../fetch/index.js';
import type { Article } from '../extract/index.js';
import { hostKey, normalizeUrl } from '../frontier/index.js';
import { newWarcRecordId, type ArchivedResource, type RequisiteImage, type SnapshotInput } from '../snapshot/index.js';
import { sha256Hex } from '../snapshot/hash.js';
import { FetchError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';

/**
 * What fetching a page's requisites needs from the crawl around it. The embedded crawl (pageProcessor.ts) and a
 * shared-crawl worker (worker-page.ts) each supply their own takedown list, robots cache, store and pacing; the
 * steps and caps are this file's, the same for both, so a snapshot keeps the same images whichever way it was crawled.
 */
export interface RequisiteDeps {
  config: CrawlConfig;
  fetcher: HttpFetcher;
  logger: Logger;
  runSignal: AbortSignal;
  source: SourceConfig;
  /** The same scope the page fetch used (privateScope.ts). */
  privateAccess: PrivateAccess;
  /** Whether a takedown rule covers the normalized URL. */
  isExcluded(url: string): boolean | Promise<boolean>;
  /** robots.txt's verdict for the URL as the page wrote it (the crawl's own robots cache). */
  robots(url: string): Promise<RobotsVerdict>;
  /** Whether the page would be stored as unchanged: then no image is fetched (nothing would be archived). */
  wouldBeUnchanged(page: FetchResult, article: Article): boolean | Promise<boolean>;
  /** Counts an image outcome (`images-archived`, `image-failed:http-404`, …) in the run's limitsHit. */
  tally(key: string): void;
  /**
   * The crawl's politeness: resolves when a request to `host` may start (source delay, or the host's robots
   * Crawl-delay when longer: passed in when robots.txt names one). A shared crawl's booked start has a slack: it
   * resolves to a check, called in the step that issues the request (the await's resumption can come late on a busy
   * event loop), that says whether the start is still in time — false: too late for that slot (the slot stays
   * booked, unused), book another; `anyway`: the last try, the request goes whatever the answer.
   */
  waitForHost(host: string, crawlDelaySec?: number): Promise<void | ((anyway: boolean) => boolean)>;
  /** Told when an image request went out on its socket (HttpFetcher's onRequestSent): the embedded crawl's pacing. */
  requestSent?: (url: URL) => void;
  /** Fetch retries per image (each is one more request to the host); default min(fetch.retries, 1). */
  retries?: number;
}

/** What the requisites step hands the store: the exchanges to archive and the per-image record. */
export interface PageRequisites {
  resources: ArchivedResource[];
  images: RequisiteImage[];
}

const ACCEPT_IMAGES = 'image/avif,image/webp,image/apng,image/*;q=0.8';
/**
 * Slots missed for lateness before an image request goes anyway (a machine too busy to keep any slot). Each wait may
 * itself rebook a few times (the shared crawl's paceRequest), so this stays small.
 */
const MAX_SLOT_WAITS = 3;

/** The media type of a Content-Type value, lower-case, parameters dropped; '' when absent. */
export function mediaType(contentType: string | undefined | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** An `image/<subtype>` media type (what the snapshot site may serve as an image, SVG aside). */
export function isImageType(type: string): boolean {
  return /^image\/[a-z0-9][a-z0-9.+-]*$/.test(type);
}

/** `requested`: a request went out (it counts toward maxImages); robots, takedowns and refusals send none. */
type Attempt = { ok: true; requested: true; resource: ArchivedResource; image: RequisiteImage } | { ok: false; requested: boolean; image: RequisiteImage };

/**
 * Fetches the page's images (when the source asks for them) and returns what to archive; null when
 * the source archives no requisites or the page will not be stored anyway (unchanged content).
 * Images are fetched one after another, each after `waitForHost`, so the page's host sees no burst.
 */
export async function fetchPageRequisites(d: RequisiteDeps, page: FetchResult, article: Article): Promise<PageRequisites | null> {
  const caps = d.source.requisites;
  if (!caps.images || article.images.length === 0) return null;
  if (await d.wouldBeUnchanged(page, article)) return null;

  const result: PageRequisites = { resources: [], images: [] };
  const seen = new Set<string>();
  let spent = 0;
  let tried = 0;
  for (const { src } of article.images) {
    // The key (dedup, takedowns) is the normalized URL; what is requested is the URL as the page wrote it.
    const url = normalizeUrl(src);
    if (url === null || !/^https?:\/\//i.test(src)) {
      result.images.push({ url: src, status: 'skipped', reason: 'invalid-url', detail: 'not an http(s) URL' });
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    let image: RequisiteImage;
    if (d.runSignal.aborted) {
      image = { url: src, status: 'skipped', reason: 'stopping', detail: 'the run is stopping' };
    } else if (tried >= caps.maxImages) {
      image = { url: src, status: 'skipped', reason: 'max-images', detail: `more than ${caps.maxImages} images on the page` };
    } else if (spent >= caps.maxBytesPerPage) {
      image = { url: src, status: 'skipped', reason: 'page-budget', detail: `the page's ${caps.maxBytesPerPage} bytes of images are spent` };
    } else {
      const attempt = await fetchImage(d, src, url, Math.min(caps.maxBytesPerImage, caps.maxBytesPerPage - spent));
      if (attempt.requested) tried++;
      image = attempt.image;
      if (attempt.ok) {
        result.resources.push(attempt.resource);
        spent += attempt.resource.body.length;
      }
    }
    result.images.push(image);
    d.tally(`images-${image.status}`);
    if (image.status !== 'archived') d.tally(`image-${image.status}:${image.reason}`);
  }
  d.logger.debug(
    { url: page.finalUrl, images: result.images.map((i) => ({ url: i.url, status: i.status, ...(i.status === 'archived' ? {} : { reason: i.reason }) })) },
    'page requisites',
  );
  return result;
}

/** One image: exclusion, robots, politeness, fetch under `capBytes`, status and type checks. */
async function fetchImage(d: RequisiteDeps, src: string, url: string, capBytes: number): Promise<Attempt> {
  let requested = false;
  const fail = (status: 'failed' | 'skipped', reason: string, detail: string, httpStatus?: number): Attempt => ({
    ok: false,
    requested,
    image: { url: src, status, reason, detail, ...(httpStatus !== undefined ? { httpStatus } : {}) },
  });
  if (await d.isExcluded(url)) return fail('skipped', 'excluded', 'taken down');
  const verdict = await d.robots(src);
  if (!verdict.allowed) {
    if (RobotsCache.isBlockedAddress(verdict)) return fail('failed', 'blocked-address', 'private or loopback address refused');
    if (verdict.reason.startsWith('unreachable')) return fail('failed', 'robots-unreachable', verdict.reason);
    return fail('skipped', 'robots', `disallowed by ${verdict.robotsUrl}`);
  }
  for (let waits = 1; ; waits++) {
    const inTime = await d.waitForHost(hostKey(src), verdict.crawlDelaySec);
    if (d.runSignal.aborted) return fail('skipped', 'stopping', 'the run is stopping');
    // Nothing awaited between this check and the fetch call below: the request goes out in the step that passed it.
    if (!inTime || inTime(waits >= MAX_SLOT_WAITS)) break;
  }

  const headers: Record<string, string> = { accept: ACCEPT_IMAGES };
  if (d.source.userAgent) headers['user-agent'] = d.source.userAgent;
  let fetched: FetchResult;
  let refused: string | null = null;
  requested = true;
  try {
    fetched = await d.fetcher.fetch(src, {
      privateAccess: d.privateAccess,
      headers,
      signal: d.runSignal,
      maxBytes: capBytes,
      retries: d.retries ?? Math.min(d.config.fetch.retries, 1),
      totalTimeoutMs: d.config.fetch.totalTimeoutMs,
      ...(d.requestSent ? { onRequestSent: d.requestSent } : {}),
      beforeRedirect: async (target) => {
        refused = await redirectRefusal(d, target);
        return refused;
      },
    });
  } catch (err) {
    if (err instanceof FetchError) {
      if (err.kind === 'redirect-refused' && refused) return fail('skipped', `redirect-${refused}`, err.message);
      return fail('failed', err.kind, err.message, err.status);
    }
    return fail('failed', 'error', err instanceof Error ? err.message : String(err));
  }
  if (fetched.status < 200 || fetched.status >= 300) return fail('failed', `http-${fetched.status}`, `HTTP ${fetched.status} ${fetched.statusText}`.trim(), fetched.status);
  if (fetched.truncated) {
    const byImage = capBytes >= d.source.requisites.maxBytesPerImage;
    return byImage
      ? fail('failed', 'too-large', `larger than maxBytesPerImage (${d.source.requisites.maxBytesPerImage} bytes)`, fetched.status)
      : fail('skipped', 'page-budget', `larger than what is left of maxBytesPerPage (${capBytes} bytes)`, fetched.status);
  }
  const type = mediaType(fetched.headers['content-type']);
  if (!isImageType(type)) return fail('failed', 'not-image', `Content-Type "${fetched.headers['content-type'] ?? ''}" is not an image type`, fetched.status);
  if (fetched.body.length === 0) return fail('failed', 'empty', 'empty body', fetched.status);

  const warcRecordId = newWarcRecordId();
  return {
    ok: true,
    requested: true,
    resource: { ...fetched, warcRecordId },
    image: {
      url: src,
      status: 'archived',
      finalUrl: fetched.finalUrl,
      warcRecordId,
      sha256: sha256Hex(fetched.body),
      bytes: fetched.body.length,
      contentType: type,
      fetchedAt: fetched.fetchedAt.toISOString(),
    },
  };
}

/** A redirect hop of an image is followed only where the image itself could go: not robots-disallowed, not taken down. */
async function redirectRefusal(d: RequisiteDeps, target: string): Promise<string | null> {
  const url = normalizeUrl(target);
  if (!url) return null;
  if (await d.isExcluded(url)) return 'excluded';
  const verdict = await d.robots(target);
  // A private target is no robots rule: the fetcher's guard refuses it as blocked-address.
  if (!verdict.allowed && !RobotsCache.isBlockedAddress(verdict)) return 'robots';
  return null;
}

/**
 * The store's inputs with the requisites added: their exchanges after any browser sub-resources, and
 * the per-image record for snapshot.json.
 */
export function withRequisites(
  input: Pick<SnapshotInput, 'resources' | 'renderedHtml' | 'screenshot'>,
  requisites: PageRequisites | null,
): Pick<SnapshotInput, 'resources' | 'renderedHtml' | 'screenshot' | 'requisites'> {
  if (!requisites) return input;
  return {
    ...input,
    resources: [...(input.resources ?? []), ...requisites.resources],
    requisites: { images: requisites.images },
  };
}
