export type { DecodedText, FetchOptions, FetchResult, RedirectHop, RobotsVerdict } from './types.js';
export { HttpFetcher, parseRetryAfter, type HttpFetcherOptions } from './http.js';
export { blockedRange, BlockedAddressError } from './ssrf.js';
export { PrivateAccess } from './privateAccess.js';
export { canonicalCharset, charsetFromContentType, decodeHtml, maybeGunzip, prescanMetaCharset } from './encoding.js';
export { RobotsCache, productToken, type RobotsCacheOptions } from './robots.js';
export * from './browser/index.js';
