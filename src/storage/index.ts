export { openStoreDatabase, runTransaction, STORE_DB_FILE, withLazySync, type StoreDatabase, type StoreStatement } from './database.js';
export { migrateStore, STORE_MIGRATIONS, STORE_SCHEMA_VERSION } from './sqlite/migrations/index.js';
export { MigrationError } from './sqlite/migrate.js';
export { acquireRunLock, runLockHolder, RUN_LOCK_LEASE_MS, type LockBody, type RunLock } from './runLock.js';
export { storeTrouble, StoreFullError, type StoreTrouble } from './storeErrors.js';
export { compactDatabase, compactIfRequested, requestCompaction } from './compaction.js';
export { SpaceReserve } from './spaceReserve.js';
export { endWorkerId, isLiveHere, newWorkerId, parseWorkerId, processAlive, startWorkerId, workerLiveness, type WorkerId } from './workerId.js';
