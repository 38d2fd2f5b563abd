import { runTransaction, type StoreDatabase } from '../storage/index.js';
import { parkingStatements } from '../storage/sqlite/frontier-queries.js';

/**
 * Parked groups of the queue summary: the host's page budget is spent (bit 1) or the source's (bit 2) — or the
 * source is not this run's. A claim reads only unparked groups through the index, so a spent budget costs one
 * update when it is spent instead of being walked past on every claim. Bit 1 alone drives `parked_queued` (the
 * queued URLs a count leaves out on a source that is itself claimable).
 */
export { HOST_SPENT, SOURCE_SPENT } from '../storage/sqlite/frontier-queries.js';

/**
 * What this connection's flags on disk stand for (kept per connection, as the table is: every Frontier on it
 * shares them). `known` false: the flags may be a dead run's or a rolled-back transaction's, so the next sync
 * clears them all first.
 */
interface ParkState {
  known: boolean;
  hosts: Set<string>;
  sources: Set<string>;
  /** The caller's sets last applied, and their sizes then: the same object at the same size is taken as unchanged. */
  fromHosts?: ReadonlySet<string>;
  hostsSize: number;
  fromSources?: ReadonlySet<string>;
  sourcesSize: number;
}
const states = new WeakMap<StoreDatabase, ParkState>();

export class Parking {
  private readonly s: ReturnType<typeof parkingStatements>;

  constructor(private readonly db: StoreDatabase) {
    this.s = parkingStatements(db);
  }

  private state(): ParkState {
    let state = states.get(this.db);
    if (!state) states.set(this.db, (state = { known: false, hosts: new Set(), sources: new Set(), hostsSize: 0, sourcesSize: 0 }));
    return state;
  }

  /**
   * Makes the flags match the caller's spent hosts and sources. The crawler's sets only grow, so the usual call
   * is two size comparisons; a newly spent host parks its groups in one indexed update.
   */
  sync(hosts: ReadonlySet<string>, sources: ReadonlySet<string>): void {
    const st = this.state();
    if (st.known && st.fromHosts === hosts && st.hostsSize === hosts.size && st.fromSources === sources && st.sourcesSize === sources.size) return;
    const diff = (want: ReadonlySet<string>, have: Set<string>) =>
      st.known ? { on: [...want].filter((x) => !have.has(x)), off: [...have].filter((x) => !want.has(x)) } : { on: [...want], off: [] };
    const h = diff(hosts, st.hosts);
    const s = diff(sources, st.sources);
    if (!st.known || h.on.length + h.off.length + s.on.length + s.off.length > 0) {
      try {
        runTransaction(this.db, () => {
          if (!st.known) this.s.unparkAll.run();
          for (const x of h.on) this.s.parkHost.run(x);
          for (const x of h.off) this.s.unparkHost.run(x);
          for (const x of s.on) this.s.parkSource.run(x);
          for (const x of s.off) this.s.unparkSource.run(x);
        }, 'immediate');
      } catch (err) {
        st.known = false;
        throw err;
      }
      st.known = true;
      st.hosts = new Set(hosts);
      st.sources = new Set(sources);
    }
    st.fromHosts = hosts;
    st.hostsSize = hosts.size;
    st.fromSources = sources;
    st.sourcesSize = sources.size;
  }

  /** A group came up that the caller's sets exclude (its flag was lost): set it again. */
  repark(host: string, source: string, hosts: ReadonlySet<string>, sources: ReadonlySet<string>): void {
    if (hosts.has(host)) this.s.parkHost.run(host);
    if (sources.has(source)) this.s.parkSource.run(source);
  }

  /** After a rolled-back transaction the flags on disk are unknown again. */
  forget(): void {
    this.state().known = false;
  }
}
