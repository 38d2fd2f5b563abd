import { sha256Hex } from './hash.js';

/** `20251013T054501Z` — the UTC second, so ids sort by fetch time as plain strings. */
export function compactUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Sortable, unique snapshot id: `<UTC second>-<8 hex of sha256(url + ISO time [+ salt])>`.
 * `salt` breaks the (rare) tie of one URL fetched twice in the same millisecond.
 */
export function makeSnapshotId(url: string, fetchedAt: Date, salt = 0): string {
  const seed = `${url}\n${fetchedAt.toISOString()}${salt ? `\n${salt}` : ''}`;
  return `${compactUtc(fetchedAt)}-${sha256Hex(seed).slice(0, 8)}`;
}

const SNAPSHOT_ID = /^\d{8}T\d{6}Z-[0-9a-f]{8}$/;

export function isSnapshotId(value: string): boolean {
  return SNAPSHOT_ID.test(value);
}
