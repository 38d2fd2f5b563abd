/**
 * The storage contracts every backend implements: SQLite in the store directory (the embedded default), Redis for a
 * shared frontier, PostgreSQL for a shared index. Everything is async so that a network backend fits the same
 * shape; every row that leaves storage is typed here. Storage is the lowest layer: these types name plain data
 * only, never a frontier, snapshot or site class.
 *
 * One contract test suite (test/storage/contract/) runs against every implementation.
 *
 * The frontier store's contract is in frontier-interfaces.ts, the index side's in index-interfaces.ts; importers
 * read both from here.
 */

export type * from './frontier-interfaces.js';
export type * from './index-interfaces.js';
