export { BrowserFetcher } from './browserFetcher.js';
export { BrowserPool, CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH, chromiumPath, chromiumUnavailable, type BrowserLease, type BrowserPoolOptions } from './browserPool.js';
export { isAppShell, decideRender, type AppShellVerdict, type RenderDecision, type RenderSetting } from './appShell.js';
export { HostVetter, addressPolicy, rangeAllowed, type HostVerdict } from './addressPolicy.js';
export {
  BrowserError,
  type AddressPolicy,
  type AllowRequest,
  type BlockableResourceType,
  type BlockedRequest,
  type BrowserErrorKind,
  type BrowserFetcherOptions,
  type BrowserRenderResult,
  type BrowserResource,
  type RenderOptions,
  type WaitOutcome,
} from './types.js';
