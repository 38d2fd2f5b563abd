import { StoreError } from '../util/errors.js';

/** What a store failure was about, so logs and callers can say which page or snapshot. */
export interface SnapshotErrorContext {
  url?: string;
  id?: string;
  path?: string;
}

/** A snapshot could not be written, read or removed; carries the URL / id / path involved. */
export class SnapshotStoreError extends StoreError {
  readonly url?: string;
  readonly id?: string;
  readonly path?: string;

  constructor(message: string, context: SnapshotErrorContext = {}, options?: { cause?: unknown }) {
    const where = [context.id, context.url, context.path].filter((s): s is string => Boolean(s)).join(' ');
    super(where ? `${message} (${where})` : message, options);
    this.url = context.url;
    this.id = context.id;
    this.path = context.path;
  }
}

/** A URL under a takedown exclusion reached the store: refused so nothing taken down comes back. */
export class ExcludedUrlError extends SnapshotStoreError {}

/** A host or path that would land outside the store directory. */
export class UnsafePathError extends SnapshotStoreError {}
