export { openStoreDatabase, STORE_DB_FILE, type StoreDatabase } from './database.js';
