export { openStoreDatabase, STORE_DB_FILE, withLazySync, type StoreDatabase } from './database.js';
export { acquireRunLock, runLockHolder } from './runLock.js';
export { storeTrouble, StoreFullError, type StoreTrouble } from './storeErrors.js';
export { compactDatabase, compactIfRequested, requestCompaction } from './compaction.js';
export { SpaceReserve } from './spaceReserve.js';
