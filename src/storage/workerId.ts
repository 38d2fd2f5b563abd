import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Who holds a lease: `host:pid:random`, unique across machines and restarts. Every lease on the store — the run
 * lock, an in-flight frontier row, a half-written snapshot — names its holder by one of these, never by a pid alone.
 */
export type WorkerId = string;

export function newWorkerId(): WorkerId {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** The parts of a worker id; null for anything else (a pid-only owner written by an older snapcrawl). */
export function parseWorkerId(worker: string): { host: string; pid: number; token: string } | null {
  const last = worker.lastIndexOf(':');
  const mid = last > 0 ? worker.lastIndexOf(':', last - 1) : -1;
  if (mid <= 0) return null;
  const pid = Number(worker.slice(mid + 1, last));
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { host: worker.slice(0, mid), pid, token: worker.slice(last + 1) };
}

/** Worker ids in use in this process now, each with how many holders use it (a run's lock and its store share one). */
const liveHere = new Map<WorkerId, number>();

/** Marks one of this process's ids in use (until as many `endWorkerId`): other holders in this process see it running. */
export function startWorkerId(worker: WorkerId): void {
  liveHere.set(worker, (liveHere.get(worker) ?? 0) + 1);
}

export function endWorkerId(worker: WorkerId): void {
  const n = (liveHere.get(worker) ?? 0) - 1;
  if (n > 0) liveHere.set(worker, n);
  else liveHere.delete(worker);
}

export const isLiveHere = (worker: WorkerId): boolean => liveHere.has(worker);

/** Whether a process of this machine is running (EPERM: it is, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What this machine can tell about a lease holder without its lease: 'gone' when it ran here and its process has
 * exited (its leases may be taken over before they expire, so a killed run is recovered at once), 'running' when
 * its process here is alive, 'unknown' for another machine's worker (only its lease's expiry speaks for it).
 * `ownHere` says which of this process's own ids are still in use (an id of this pid not among them is an earlier,
 * closed holder's); by default those marked with startWorkerId.
 */
export function workerLiveness(worker: string, ownHere: (worker: string) => boolean = isLiveHere): 'gone' | 'running' | 'unknown' {
  const parsed = parseWorkerId(worker);
  if (!parsed || parsed.host !== hostname()) return 'unknown';
  if (parsed.pid === process.pid) return ownHere(worker) ? 'running' : 'gone';
  return processAlive(parsed.pid) ? 'running' : 'gone';
}
