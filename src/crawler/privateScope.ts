import type { SourceConfig } from '../config/index.js';
import { PrivateAccess } from '../fetch/index.js';

const cache = new WeakMap<SourceConfig, { on?: PrivateAccess; off?: PrivateAccess }>();

/**
 * The private endpoints a source may reach. `allowPrivate` (the source's, or the global flag /
 * `--allow-private`, which for a one-off `crawl URL…` means those URLs) opens only the endpoints
 * (host and port) of the source's own entry points — seeds, feeds, sitemaps; `allowPrivateHosts`
 * adds explicit ones. Every other private, loopback or link-local address stays refused, whether a
 * link, a redirect hop, a robots.txt redirect or a browser sub-resource leads there.
 */
export function privateAccessFor(source: SourceConfig, globalAllowPrivate: boolean): PrivateAccess {
  const on = globalAllowPrivate || source.allowPrivate;
  let entry = cache.get(source);
  if (!entry) cache.set(source, (entry = {}));
  const slot = on ? 'on' : 'off';
  entry[slot] ??= PrivateAccess.of([...(on ? [...source.seeds, ...source.feeds, ...source.sitemaps] : []), ...source.allowPrivateHosts]);
  return entry[slot];
}
