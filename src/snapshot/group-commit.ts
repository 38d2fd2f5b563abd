import { checkpointWal, runTransaction, usesWal, withLazySync, type StoreDatabase } from '../storage/database.js';
import { fsyncDirAsync, fsyncFileAsync } from './durable-fs.js';

interface Op {
  run: () => void;
  dirs: readonly string[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for snapshot writes that run concurrently (writeSnapshotAsync): the store database
 * syncs every commit (synchronous = FULL), a few milliseconds of blocked event loop each, so the
 * pending-row inserts and index inserts of every write that reaches this point in the same turn go in
 * ONE transaction. Each op runs in its own savepoint: one that throws (a takedown landed meanwhile)
 * rolls back alone and rejects its own promise, the others commit. `dirs` are fsynced (off the event
 * loop, each once per batch) before the transaction: the renames they hold must be durable before the
 * index says the snapshot exists.
 *
 * In WAL mode the commit itself is not fsynced on the event loop (synchronous = NORMAL for it): the WAL
 * file is fsynced on libuv's thread pool afterwards, and no write of the batch is told it is stored
 * before that sync is done, so a resolved write is as durable as under FULL. The commit's fsync was the
 * largest single cost of the crawl's main thread. (A checkpoint in between syncs the WAL first itself.)
 */
export class GroupCommit {
  private ops: Op[] = [];
  private scheduled = false;

  /** The WAL file to fsync after each commit; null: not in WAL mode (commits stay synchronous = FULL). */
  private readonly wal: string | null;

  constructor(private readonly db: StoreDatabase) {
    this.wal = usesWal(db) ? `${db.name}-wal` : null;
  }

  add(run: () => void, dirs: readonly string[] = []): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.ops.push({ run, dirs, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.ops.length === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.ops.splice(0);
    const dirFailure = await Promise.all([...new Set(batch.flatMap((op) => op.dirs))].map((dir) => fsyncDirAsync(dir))).then(
      () => null,
      (err: unknown) => err ?? new Error('directory fsync failed'),
    );
    const outcomes: unknown[] = [];
    const commit = () =>
      runTransaction(
        this.db,
        () => {
          for (const op of batch) {
            if (dirFailure && op.dirs.length > 0) {
              outcomes.push(dirFailure);
              continue;
            }
            try {
              runTransaction(this.db, op.run); // nested: a savepoint
              outcomes.push(null);
            } catch (err) {
              outcomes.push(err ?? new Error('commit failed'));
            }
          }
        },
        'immediate',
      );
    try {
      if (this.wal) {
        withLazySync(this.db, commit);
        await this.syncWal(this.wal);
      } else {
        commit();
      }
    } catch (err) {
      // The commit itself failed (busy, disk full): nothing of the batch is in; every write sees why.
      outcomes.length = 0;
      for (let i = 0; i < batch.length; i++) outcomes.push(err ?? new Error('commit failed'));
    }
    batch.forEach((op, i) => (outcomes[i] === null ? op.resolve() : op.reject(outcomes[i])));
    this.scheduled = false;
    this.schedule();
  }

  /**
   * Makes the batch's commit durable. Should the fsync fail, a FULL checkpoint through SQLite syncs the WAL
   * and the database (or throws: then every write of the batch fails, as a failed FULL commit would).
   */
  private async syncWal(path: string): Promise<void> {
    try {
      await fsyncFileAsync(path); // the callback API, not a FileHandle: less work on the crawl's thread (durable-fs.ts)
    } catch {
      checkpointWal(this.db);
    }
  }
}

const queues = new WeakMap<StoreDatabase, GroupCommit>();

/** The one GroupCommit of a database connection. */
export function groupCommitFor(db: StoreDatabase): GroupCommit {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = new GroupCommit(db)));
  return q;
}
