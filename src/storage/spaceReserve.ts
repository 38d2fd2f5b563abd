import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const RESERVE_FILE = '.space-reserve';
const RESERVE_BYTES = 1024 * 1024;

/**
 * A megabyte set aside on the store's disk while a run lasts. When the disk fills, the run releases it
 * so that its last writes (the run marked failed, its report) still fit: a full disk ends a run with
 * its report instead of a half-written one.
 */
export class SpaceReserve {
  private readonly file: string;
  private held = false;

  constructor(storeDir: string) {
    this.file = join(storeDir, RESERVE_FILE);
  }

  /** Best effort: on a disk already too full for it, the run goes on without one. */
  hold(): this {
    try {
      const fd = openSync(this.file, 'w');
      try {
        writeSync(fd, Buffer.alloc(RESERVE_BYTES));
      } finally {
        closeSync(fd);
      }
      this.held = true;
    } catch {
      this.release();
    }
    return this;
  }

  release(): void {
    try {
      unlinkSync(this.file);
    } catch {
      /* never written, or already gone */
    }
    this.held = false;
  }

  get isHeld(): boolean {
    return this.held;
  }
}
