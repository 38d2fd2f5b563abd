/** Response values produced by the demo site's routes, and helpers to build them. */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import type { IncomingHttpHeaders } from 'node:http';
import { httpDate } from './dates.js';

export interface RouteResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Wait this long before answering (slow page). */
  delayMs?: number;
}

export function htmlResponse(html: string, status = 200): RouteResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(html, 'utf8') };
}

/** GBK bytes; the Content-Type carries the charset only when `declareInHeader`. */
export function gbkHtmlResponse(html: string, declareInHeader: boolean): RouteResponse {
  return { status: 200, headers: { 'content-type': declareInHeader ? 'text/html; charset=GBK' : 'text/html' }, body: iconv.encode(html, 'gbk') };
}

export function textResponse(text: string, contentType: string, status = 200): RouteResponse {
  return { status, headers: { 'content-type': contentType }, body: Buffer.from(text, 'utf8') };
}

export function redirectResponse(status: 301 | 302, location: string): RouteResponse {
  return { status, headers: { location, 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(`<a href="${location}">Moved</a>`) };
}

/**
 * Adds ETag and Last-Modified validators, and turns the response into a 304 when the request's
 * If-None-Match / If-Modified-Since say the client already has it.
 */
export function withValidators(response: RouteResponse, lastModifiedMs: number, request: IncomingHttpHeaders): RouteResponse {
  const etag = `"${createHash('sha1').update(response.body).digest('hex').slice(0, 16)}"`;
  const lastModified = httpDate(lastModifiedMs);
  const headers = { ...response.headers, etag, 'last-modified': lastModified };
  const inm = request['if-none-match'];
  const ims = request['if-modified-since'];
  const etagMatches = inm !== undefined && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
  const notModifiedSince = inm === undefined && ims !== undefined && Date.parse(ims) >= Math.floor(lastModifiedMs / 1000) * 1000;
  if (etagMatches || notModifiedSince) return { status: 304, headers: { etag, 'last-modified': lastModified }, body: Buffer.alloc(0) };
  return { ...response, headers };
}

/** A 1×1 grey JPEG served for every `/images/….jpg`. */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
