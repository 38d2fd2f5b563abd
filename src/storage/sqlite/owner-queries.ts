/** Leases of open writable snapshot stores (table store_owners: 007-embedded-leases.ts), one row per owner id. */
import type { StoreDatabase } from '../database.js';

export function ownerLeaseStatements(db: StoreDatabase) {
  return {
    /** Takes or extends the owner's lease. */
    hold: db.prepare<[string, number]>(`INSERT INTO store_owners (owner, expires_at) VALUES (?, ?)
      ON CONFLICT(owner) DO UPDATE SET expires_at = max(expires_at, excluded.expires_at)`),
    /** When the owner's lease runs out; undefined when it holds none (closed, or never had one). */
    expiresAt: db.prepare<[string], number>(`SELECT expires_at FROM store_owners WHERE owner = ?`).pluck(),
    release: db.prepare<[string]>(`DELETE FROM store_owners WHERE owner = ?`),
    /** Leases that ran out long ago (their owners' pending rows are swept): the table does not grow with every open. */
    dropExpired: db.prepare<[number]>(`DELETE FROM store_owners WHERE expires_at <= ?`),
  };
}
