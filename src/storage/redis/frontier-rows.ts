/**
 * The rows RedisFrontierStore sends to its Lua scripts and reads back (queue items, claims, run tallies, groups), and
 * the checks on what it passes them (host policies, takedown rule kinds).
 */
import type { ClaimedItem, ClaimRequest, ExclusionKind, HostPolicy, QueueItem, QueuedKind, RunTally } from '../interfaces.js';
import { RedisFrontierError } from './connection.js';

export const KINDS: readonly ExclusionKind[] = ['url', 'prefix', 'host', 'id'];

export type ClaimRow = [string, string, string, string, string, string, number, string, string, string, string, string, string, string];

/** A RunTally as FINISH and RETRY take it ('' for none; empty maps are left out: cjson cannot tell {} from []). */
export function tallyArg(t: RunTally | undefined): string {
  if (!t) return '';
  const add = t.add && Object.keys(t.add).length > 0 ? t.add : undefined;
  const once = t.once && Object.keys(t.once).length > 0 ? t.once : undefined;
  return add || once ? JSON.stringify({ key: t.key, ...(add ? { add } : {}), ...(once ? { once } : {}) }) : '';
}

/** A queue item as the scripts take it: [url, requestUrl, host, source, depth, kind, priority, from, notBefore]. */
export function addRow(it: QueueItem): (string | number)[] {
  return [it.url, it.requestUrl ?? it.url, it.host, it.source, it.depth, it.kind, it.priority ?? 0, it.discoveredFrom ?? '', it.notBefore ?? 0];
}

/** A claimed row; the script checked the takedown rules and read the validators (claimChecks: no look-up before the fetch). */
export function toClaimed(r: ClaimRow, req: ClaimRequest): ClaimedItem {
  const [url, requestUrl, host, source, depth, kind, attempts, from, , , etag, lm, snap, fc] = r;
  const opt = (v: string) => (v === '' ? null : v);
  return {
    url, requestUrl, host, source, depth: Number(depth), kind: kind as QueuedKind, attempts: Number(attempts),
    discoveredFrom: from === '' ? null : from, lease: { worker: req.worker, expiresAt: req.now + req.leaseMs },
    claimChecks: { validators: { etag: opt(etag), lastModified: opt(lm), snapshotId: opt(snap), fetchCount: Number(fc || 0) } },
  };
}

export function splitGroup(g: string): [string, string] {
  const i = g.indexOf('\t');
  return [g.slice(0, i), g.slice(i + 1)];
}

export function checkPolicy(p: HostPolicy): HostPolicy {
  if (!Number.isFinite(p.delayMs) || p.delayMs < 0 || !Number.isInteger(p.concurrency) || p.concurrency < 1) {
    throw new RedisFrontierError(`invalid host policy: delay ${p.delayMs} ms, concurrency ${p.concurrency}`);
  }
  return { delayMs: Math.round(p.delayMs), concurrency: p.concurrency };
}

export function checkKind(kind: ExclusionKind): ExclusionKind {
  if (!KINDS.includes(kind)) throw new RedisFrontierError(`unknown exclusion kind: ${String(kind)}`);
  return kind;
}
