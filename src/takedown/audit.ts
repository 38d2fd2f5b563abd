import { closeSync, existsSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDirSync } from '../snapshot/durable-fs.js';
import type { ExclusionRule } from '../frontier/exclusions.js';
import type { TakedownSelector } from './types.js';

/** Append-only log of takedowns, beside the store database. */
export const TAKEDOWN_LOG_FILE = 'takedowns.jsonl';

/** One line of takedowns.jsonl: who asked, why, and what was removed — ids and URLs, never content. */
export interface TakedownAuditEntry {
  time: string;
  selector: TakedownSelector;
  reason: string;
  requester: string | null;
  removed: { id: string; url: string }[];
  urls: string[];
  removedFiles: number;
  exclusions: ExclusionRule[];
}

/** Appends one takedown line to takedowns.jsonl. */
export function appendTakedownAudit(storeDir: string, entry: TakedownAuditEntry): void {
  appendAuditLine(storeDir, TAKEDOWN_LOG_FILE, entry);
}

/** Appends one JSON line to an audit log in the store and fsyncs it (and the directory when the log is new). */
export function appendAuditLine(storeDir: string, fileName: string, entry: object): void {
  const path = join(storeDir, fileName);
  const isNew = !existsSync(path);
  const fd = openSync(path, 'a', 0o644);
  try {
    writeSync(fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (isNew) fsyncDirSync(storeDir);
}
