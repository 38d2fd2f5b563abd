/**
 * Frontier alone (issue 14): N URLs over H hosts enqueued in batches, then C claimed and finished; prints the
 * enqueue rate, claims/s (claim + finish, URLs per second) and peak RSS. Each size runs in its own child process
 * so its peak RSS is its own.
 *   tsx scripts/bench-frontier.ts                       # 100 000 and 1 000 000 URLs, 10 000 hosts, 100 000 claims
 *                                                       # (and 1 000 000 again finishing with finishMany)
 *   tsx scripts/bench-frontier.ts --urls 1000000 --batch 1 --dir /dev/shm --sync normal --max-seconds 30
 *   … --finish-many      finish each claimed batch with one Frontier.finishMany() (one commit) instead of finish()s
 *   … --cache-mb 64      PRAGMA cache_size for the run (default 16 MB: better-sqlite3 builds SQLite with -16000)
 * Besides claims/s (wall) it prints claims per CPU-second and µs of CPU per claim + finish: on a shared machine
 * compare those, old against new run side by side.
 * runFrontierBench() returns the figures for the lead's `npm run bench`.
 *
 * Where the time went (node --cpu-prof on this script, 100 000 URLs, store on /dev/shm, 2-core VM shared with
 * other jobs; statement timings from wrapping better-sqlite3's run/get/all):
 *   before: claim() was 62% of the whole process (enqueue included) and nearly all of it inside SQLite:
 *     readyHosts ~400 ms per call at 100 000 queued (GROUP BY host over every queued row, walked through the
 *     (state, …) index with a table look-up per row for next_fetch_at and source, a join to hosts, and two
 *     json_each bloom filters for the exhausted sets); bestForHost 0.1 ms; the crawler's per-page
 *     queuedCount() 125 ms and nextWakeAt() 240 ms, both full scans too. Linear in the queue: 5 claims/s at 1 M.
 *   after (queue summary, claims.ts): no scan left; per URL claimed and finished ~150 µs of CPU on the loaded VM,
 *     spread over index look-ups and writes: finish ~45 µs (its own commit), best URL of the host ~28,
 *     setInFlight ~27 (+ summary triggers), host next-allowed upsert ~17 (+ trigger), the host's groups ~11,
 *     commit ~9, ready-host candidates ~8. None grows with the store (same per-URL figures at 1 M).
 *   On disk the rest is fsync: the store runs synchronous=FULL and this VM's ext4 does ~280 commits/s, so with
 *   one commit per finish() (as the crawler does) claim+finish cannot pass ~250/s on disk whatever the frontier
 *   does; --group (claim and its finishes in one transaction) or a tmpfs store shows the frontier's own cost.
 *   Enqueue pays for it: a new URL now also bumps two counters through triggers (~40 µs CPU per URL against
 *   ~18 before), still O(log n) and flat with the store.
 *
 * Measured 2026-12-04 on the shared 2-core VM (load 3-19 from other jobs; claims/s is wall time, CPU-second figures
 * in brackets; claim batch 16 unless said; 10 000 hosts, 4 sources; "shm" = /dev/shm tmpfs with synchronous=normal,
 * "disk" = os.tmpdir() on ext4 with the store's synchronous=FULL):
 *                         before                 after
 *   100 000, shm          57-163/s               4 700-12 600/s (10 000-13 000)
 *   100 000, disk         38/s                   233/s (fsync-bound); 2 154/s with --batch 64 --group
 *   1 000 000, shm        8/s (12)               5 500/s (8 200); 4 000/s (6 700) with --batch 64 --group
 *   1 000 000, disk       5/s                    236/s (2 700) (fsync-bound)
 *   peak RSS              113-135 MB             107-133 MB at both sizes
 *   enqueue, shm          14 700-58 000/s        4 900-24 000/s (13 500-24 400)
 *
 * Second pass (2026-12-05; --cpu-prof at 100 000 and 1 000 000, plus CPU time per statement from wrapping
 * better-sqlite3's run/get/all with process.cpuUsage; shm, synchronous=normal, batch 16, load 10-12 on 2 cores):
 *   EXPLAIN QUERY PLAN of every claim/finish statement at scale: index look-ups only (no SCAN, no temp B-tree).
 *   The scans left are per run or per command (requeueInFlight, counts(), status) and one per page that was
 *   not: re-pointing aliases (`UPDATE frontier SET alias_of=… WHERE alias_of=?`, Frontier.finishAsAlias and
 *   paramLearning) scanned the whole frontier for every page fetched through a variant; migration 006 indexes it.
 *   Per URL claimed and finished (µs CPU, 100 000 queued): the host's best URL 9.5 + the host's groups 3.0 (now
 *   one statement, bestOfGroups, ~11), setInFlight with the summary triggers 10.5, host next-allowed upsert with
 *   its trigger 6, finish's update 7, ready-group pages 3, and ~13-15 of commits and JS. A lone finish() is its
 *   own transaction: its commit (WAL frames of the pages it dirtied) plus two PRAGMA synchronous switches (~3 µs
 *   each, withLazySync) cost about as much as its UPDATE; finishMany() (one transaction per batch) takes 58 → 45
 *   µs per URL. A larger page cache (cache_size 64 MB) helped at 100 000 (48 → 41 µs) but not at 1 M (53 → 57,
 *   noise) while RSS rose 190 → 253 MB, so the store keeps SQLite's 2 MB. From 100 000 to 1 M the per-URL cost
 *   grows ~10-15% (B-trees a level deeper, colder pages): O(log n). RSS: ~95 MB is node + tsx before any URL;
 *   the rest is SQLite and the bounded known-URL set (2 × 50 000 URLs).
 *   In a crawl (profile-snapcrawl.ts, 2 000 articles) claim() cost 0.46 ms per page: the crawler asks for work
 *   whenever a slot is free and on a one-host site nearly every such claim finds the host busy, yet each opened
 *   an IMMEDIATE transaction and committed it. A claim now reads the ready groups first and returns at once,
 *   without a transaction, when nothing can be handed out (claims.ts mayPick); its transaction reuses that page.
 *   Crawl growth, 2 000 → 20 000 articles (profile-snapcrawl.ts, same tree, same hour): 8.27 → 10.91 ms CPU per
 *   page. On the crawl's main thread the snapshot writer's commitRow went from 6% to 39% of the samples (0.85 →
 *   8.3 ms of samples per page): its `UPDATE snapshots SET is_latest = 0 WHERE url = ? AND is_latest = 1`
 *   (snapshot-queries.ts clearLatest) is planned on snapshots_latest_by_time (is_latest=?), a range over every
 *   latest snapshot, so each page's commit is O(articles); `+is_latest = 1` puts it on snapshots_by_url. Not the
 *   frontier's. The frontier's own per-page share stayed flat or fell (claim 3.4 → 2.7%), apart from the link
 *   checks (Frontier.has from linkIntake): per page, samples in normalizeUrl 42 → 248 µs and in KnownUrls.has
 *   25 → 143 µs (both constant per call: ~3.7× more links checked per page on the bigger site), while the SQL
 *   look-up for URLs not in memory grew 13 → 30 µs, less than the calls: link volume, not store size.
 *
 * Measured 2026-12-05, old (HEAD) and new side by side in the same minutes (CPU µs per claim + finish, claims per
 * CPU-second, wall claims/s with 3 benches at once on the loaded VM; shm, synchronous=normal, batch 16):
 *                 old                          new, finish()s               new, finishMany()
 *   100 000       57.2 µs, 17 475 (8 007/s)    58.7 µs, 17 024 (6 629/s)    44.9 µs, 22 284 (6 347/s)
 *   1 000 000     64.4 µs, 15 540 (9 268/s)    63.3 µs, 15 805 (7 178/s)    49.1 µs, 20 362 (9 745/s)
 *   1 000 000 with batch 64 and finishMany: 43.2 µs, 23 167 per CPU-second. --group (claim and its finishes in
 *   one transaction) 89.6 µs: slower, not explained yet. Peak RSS 151-155 MB at 100 000, 186-193 MB at 1 M.
 *
 * Third pass (2026-12-06; perf record -g on the claim phase at 1 M, store on ext4, synchronous as the store has it):
 *   per claim+finish ~5.3 pwrite and ~2 pread (strace): WAL frames at commit ~10% of the CPU, checkpoints ~13%
 *   (half of it the kernel's writeback in fsync). Each claimed URL dirties its frontier row page and a
 *   frontier_pick leaf, both random at this size (152 MB table, 35 MB index), and the finish rewrites the row's
 *   page: ~3.5 WAL frames per URL, the floor for this schema whatever the batching. Building the host's best row
 *   was 11% (a 27-column `f.*` row is a dictionary-mode V8 object): 14 columns read raw now. Per statement (CPU,
 *   µs per claim+finish): COMMITs with their checkpoints 21, bestOfGroups 15.6 (a cold frontier_pick leaf and row
 *   page), setInFlight with its triggers 13.4, finish 8.9, host upsert 7.4, ready-group page 4.6.
 *   Same-process A/B (both trees, two copies of one 1 M store, 2 000-claim chunks alternated): narrow row 0.95,
 *   raw row 0.94-0.96 on top; old tree against new, both orders: 0.87, 0.90 with finishMany, 0.90, 0.91 with
 *   finish()s. This bench at 1 M with --finish-many, old/new alternated: 57.2, 60.0 → 51.6, 55.2 µs (−9%); without
 *   it one pair, 85.3 → 86.9 µs, at load 10-12 on 2 cores (wall 3 600 and 3 000/s): noise at that load.
 *   Tried and left (same-process ratios; A/A runs of one tree spread 0.96-0.99): mmap_size 1 GB 1.00; cache_size 64 MB 1.06 and 2 MB 0.94 (the
 *   per-commit page-cache truncation, pcache1TruncateUnsafe, 3.6-4.6% of the CPU, grows with the cache; the other
 *   users of the store's connection keep 16 MB); wal_autocheckpoint 10 000 pages 0.95-0.97 CPU and +20-27% wall
 *   (fewer checkpoint fsyncs) but ten times longer checkpoint stalls on a crawl's event loop; UPDATE/INSERT OR FAIL
 *   (no statement journal) 0.99; the host UPDATE before its upsert 1.00; finishing the previous batch inside the
 *   next claim's transaction 0.93 (an API for a loop the crawler does not have). --group was slower for two
 *   reasons: its outer transaction committed with synchronous=FULL (fixed: lazy sync, as the frontier's own), and
 *   claim()/finishMany() inside it are savepoints whose journal passes SQLite's 64 KiB statement-journal spill, so
 *   each grouped transaction wrote a temp file (strace: one etilqs_ file, ~500 pwrites); temp_store=MEMORY cuts
 *   most of it (2.0 → 1.25× finishMany's CPU) but would also put VACUUM's temp copy in memory. 100 000 URLs now:
 *   --group 93.8 against finishMany 44.3 µs CPU each.
 *   A lone finish() costs ~22 µs more than one in a finishMany of 16 (its own commit and two synchronous switches):
 *   for the crawler, which finishes a page when its outcome is applied, that is 0.2-0.3% of its ~8-10 ms per page.
 *
 * Fourth pass (2026-12-06; 1 M URLs, --finish-many, store in os.tmpdir() on ext4; per-statement CPU from wrapping
 * run/get/all with process.cpuUsage; same-process A/B of two trees on two copies of one prebuilt store, 2 000-claim
 * chunks alternated, A/A 0.98-0.99):
 *   Where a claim+finish went (62 µs): COMMITs 22.7 (checkpoints ~7 of it: autocheckpoint off, 61-63 against 68-70),
 *   setInFlight 11.9 (its summary trigger), bestOfGroups 9.0, finish 7.0, hosts upsert 6.0 (its trigger copying
 *   the spacing to the host's groups), the ready page 4.5. WAL frames (autocheckpoint off, mapped through dbstat):
 *   2.07 per URL at steady state, 0.89 of them frontier_pick leaves (one per claimed host), 0.42 frontier rows, 0.2
 *   frontier_queue_due; hosts and frontier_queue 0.07 each: the two summary writes cost statements, not pages.
 *   Ablation: dropping frontier_queue_update saves 0.86 (its source-row update alone ~0.93, its group update ~0.93).
 *   Kept: the claim keeps the summary itself (migration 009: one update of the host's groups per URL, one per source
 *   per claim, no hosts write) 0.87-0.90; ready groups through an expression index (a generated column is never read
 *   from an index: every candidate cost a row look-up; the page of 20 candidates 40 → ~10 µs) 0.98; withLazySync's
 *   PRAGMAs prepared once 0.96; positional binding for finish and setInFlight (named: ~1 µs more per 11 parameters).
 *   All together 0.84 in the A/B (61.6 → 51.6 µs). Tried and left: the hosts write alone replaced by a direct group
 *   update, 1.00 (noise); the queue trigger split into leave/enter triggers, 0.99; cache_size 4 MB 0.97 (the
 *   connection is shared; see the third pass). Left over: pcache1TruncateUnsafe is 4.6% of the samples, nearly all
 *   under the claim's commit (a whole page-cache hash scan per commit); checkpoint fsyncs ~7%; pwrite/pread ~17%.
 *   This bench, `--urls 1000000 --finish-many`, 3 runs each, old tree and new running side by side (load 3-10):
 *   µs CPU per claim+finish 61.8 / 62.0 / 62.1 → 49.6 / 49.7 / 50.1 (16 141 → 20 128 per CPU-second, medians);
 *   peak RSS 187-190 → 192-197 MB; enqueue 20 338 → 19 471 per CPU-second (a new group also reads its host's
 *   other groups' allowed_at). Wall claims/s followed the load (1 775-3 108 old, 3 510-5 537 new).
 *
 * Fifth pass (2026-12-06; 1 M URLs, --finish-many, ext4; same-process A/B of two trees on two copies of one prebuilt
 * store, 2 000-claim chunks alternated, 3 rounds; load 6-15 on 2 cores, so CPU figures ran 33-54 µs per claim):
 *   Checkpoints are ~12% of the CPU (wal_autocheckpoint=0: 33.7 / 34.4 against 40.2 / 37.8 µs). WAL frames per
 *   claim+finish 2.03 (frontier_pick 0.90, frontier 0.47, frontier_queue_due 0.20, revisit_due 0.15, leases 0.13,
 *   frontier_queue 0.09, sources 0.06); 0.51 distinct pages per URL, so a longer WAL copies fewer per URL. Kept:
 *   wal_autocheckpoint 2 000 pages (database.ts) 0.968 CPU, 0.72-0.87 wall, p99.9 call no longer; claim() and
 *   finishMany() make their transactions once (db.transaction() builds 4 wrappers with 5 properties each per call)
 *   0.963. All kept, old tree against new: 0.935 / 0.935 / 0.954 CPU, wall 0.71-0.94.
 *   pcache1TruncateUnsafe explained: balance_nonroot, when a split takes a free page numbered below its siblings,
 *   swaps page numbers through a temporary key, the pending-byte page (1 GiB / page size + 1 = 262 145); the page
 *   cache's largest key is then far above the store's size and the commit scans the whole cache hash table to drop
 *   pages past the end (none). It costs with the number of cached pages: cache_size 4 MB 0.916, 8 MB 0.953 (left:
 *   the connection is the crawl's too; RSS would drop 8-12 MB). A store over 1 GiB never pays it.
 *   Tried and left: frontier_pick carrying next_fetch_at (covering the pick) 0.98 / 1.02 / 1.04 against a freshly
 *   rebuilt old index, though 0.963 against the enqueue-built one: a packed frontier_pick (REINDEX: 9 009 → 8 237
 *   pages) is itself ~4% cheaper to claim from; frontier_queue_due made truly covering (an expression index of a
 *   WITHOUT ROWID table seeks the row per entry, OP_NotFound, unless it holds the columns the expression reads)
 *   0.995; wal_autocheckpoint 4 000 0.954 CPU but p99.9 stalls ~1.7x; checkpoints in a worker thread (PASSIVE
 *   every 50 ms): main thread -10% but process CPU not lower, and the WAL restarts only when a checkpoint catches up
 *   between two commits, which one in the background rarely does while claims run.
 *   This bench, 3 runs each, old and new alternated (load 11-15): µs CPU per claim+finish 53.9 / 44.8 / 47.5 →
 *   49.3 / 41.1 / 40.1 (medians 47.5 → 41.1, 21 055 → 24 359 per CPU-second; divided by each run's yardstick 35.0 → 32.4);
 *   wall 2 909 / 4 885 / 4 997 → 5 211 / 5 560 / 5 809 claims/s; peak RSS 188-191 → 176-193 MB.
 *
 * Sixth pass (2026-12-06; perf record -g at 1 M URLs on ext4; same-process A/B of main and this tree on two copies of
 * one prebuilt 1 M store, 2 000-claim chunks alternated, A/A 0.98-1.01; load 7-10 on 2 cores):
 *   sqlite3Reprepare was 3-4% of the samples. A bare bound `LIMIT ?` is read by SQLite's planner, which then expires
 *   the statement at its next bind: the candidate-page query (`first`, once per claim) was parsed and planned anew on
 *   every claim, ~20 µs (in isolation 29-35 µs per call with `LIMIT ? + 0` against 47-77 with `LIMIT ?`).
 *   `LIMIT ? + 0` keeps the plan; SqliteFrontierStore's readyHosts had it too. The Reprepare left is withLazySync's
 *   two PRAGMAs (a PRAGMA that sets a value is re-prepared at each run: that is how it takes effect), ~1.5 µs each.
 *   Raw rows and positional parameters for the claim's reads (candidate pages, the host's best URL) and
 *   claimGroup/claimSource: 0.95-0.96 with finishMany, 0.98 with finish()s. Both against main: 0.88 with finishMany
 *   (batch 16), 0.89 with finish()s, 0.76 with one URL per claim and a finish() each (the crawler's pattern: it asks
 *   for its free slots, often one, so it paid the re-prepare per URL).
 *   Tried and left: a claim's writes as one statement per kind (`UPDATE … WHERE id IN (…)`, `UPDATE … FROM (VALUES
 *   …)`): a multi-row UPDATE of a table with triggers keeps a statement journal, which for 16 URLs (each on its own
 *   row page and frontier_pick leaf) passes the 64 KiB spill, so each claim opened and wrote a temp file (strace:
 *   +25% pwrites, one open per claim) and OR FAIL does not avoid it; the groups' update alone 0.98 (noise). Pick and
 *   claim merged in one `UPDATE … RETURNING` per host: no faster in isolation (23.5 against 18.7-22.3 µs). Page
 *   size against 4 KiB at 100 000 URLs: 1 KiB 1.35, 2 KiB 1.10, 8 KiB 1.08, 16 KiB 1.34 (per-page costs, not bytes).
 *   No frontier_queue_update trigger at all (the most that keeping claims and finishes from firing it could give):
 *   0.95-0.97, within the noise of single runs. Left over per claim+finish: commits (WAL frames, checkpoints, the
 *   page-cache truncation scan of the fifth pass) ~35% of the CPU and the kernel's share of them; fcntl locks on
 *   the WAL index ~3% (locking_mode=EXCLUSIVE would shut out serve and other processes).
 *   This bench, `--urls 1000000 --finish-many`, main and this tree side by side, 2 rounds (load 6-10): µs CPU per
 *   claim+finish 87.3 / 90.3 → 78.9 / 80.4 (11 450 / 11 073 → 12 676 / 12 433 per CPU-second, 0.90 / 0.89); wall
 *   3 482 / 2 978 → 3 670 / 3 197 claims/s; peak RSS 179 / 183 → 178 / 185 MB; enqueue unchanged (9 348-9 446 per
 *   CPU-second both). Far from issue 14's 20 000 claims/s: on this shared VM the CPU alone allows ~12 500 per second.
 *
 * Seventh pass (2026-12-07; issue 14's target, 20 000 claims/s and < 300 MB at 1 M URLs, checked against the design
 * rather than tuned: claim-only runs on copies of one prebuilt 1 M store (enqueue once, 60 000-100 000 claims each),
 * both trees alternated, ext4 /tmp unless said; load 4-11 on 2 cores, so wall figures swing 2x from run to run):
 *   Where it goes. claim() is ~78% of a claim+finish's CPU (batch 16: 46.6 of 59.9 and 54.9 of 70.2 µs; the finishMany
 *   of the same 16 URLs ~13 µs each), so batching finishes further cannot pay. Per statement (CPU wrapped around
 *   run/all, per URL): COMMITs 30.0 (~240 µs per commit, claims' and finishes' together, checkpoints included), the
 *   host's best URL 13.3, setInFlight 11.8, finish 10.9, the group/spacing update 8.8, the candidate page 3.0.
 *   WAL frames per URL (autocheckpoint off, after 2 000 batches; pages labelled through dbstat): batch 16, claim 1.63
 *   (frontier_pick 0.90, frontier rows 0.34, frontier_queue_due 0.13, frontier_queue 0.08, sources and leases 0.06
 *   each), finish ~0.5; batch 64, 1.21 + 0.21; one URL per claim and a finish() each (the crawler's pattern) 7.40 +
 *   3.13 (the per-commit pages, paid per URL: ~190 µs CPU per claim+finish, ~2% of a crawled page's 8-10 ms).
 *   frontier_pick is the floor: a claim takes one URL per host, so it removes one entry from that host's own leaf
 *   (0.89-0.90 frames per URL at batch 16 and 64 alike); larger batches only share the summary's pages. Bytes
 *   handed to write calls per claim+finish: 12 773 at batch 16 (5.2 writes, 1.9 reads); ~13 KB per URL reached the
 *   device (/sys/block/vda/stat around a run, the store copy taken off): 20 000/s would be ~260 MB/s of writes,
 *   much of it random (checkpoint copies), on a disk that does 924 MB/s sequential and 26 MB/s of 4 KiB O_DIRECT
 *   writes at queue depth 1. perf (batch 16, ext4): pwrite 15% with the kernel's ext4 write path, walCheckpoint 14%
 *   (fsync 7.9%: ext4 here has no journal, so fsync writes the pages from this thread), WAL frames at commit 13.5%,
 *   sqlite3VdbeExec 11%, pread 5.8%, pcache1TruncateUnsafe 4.6%, statement journals 2.4%.
 *   Disk against tmpfs (same tree, 100 000 claims): ext4 69.6 / 70.3 µs CPU (7 330 / 8 465/s), /dev/shm 44.4 µs
 *   (18 784/s). With synchronous=OFF for the lazy commits (diagnostic only: a power cut during a checkpoint could
 *   then corrupt the store) 54.7 / 44.3 µs and 9 969 / 11 909/s against 55.6 / 53.3 µs and 6 949 / 8 421/s: the
 *   checkpoint fsyncs are ~6 µs of sys CPU per URL and the larger part of the wall time over CPU.
 *   (b) in-flight state not written per URL, measured before building it: claim leaving the row alone and finish
 *   writing in_flight then done in its own transaction (write-behind: the same rows on disk as after a kill and
 *   requeueInFlight) 52.6 / 51.8 / 51.9 against 52.8 / 54.2 / 52.6 µs, 0.99; no in-flight write at all (the most
 *   an in-memory set could give; summary left wrong, so a bound only) 50.6 / 50.9 / 53.5 against 52.6 / 54.0 / 52.6,
 *   ~0.97. The URL must still leave frontier_pick, and that (most of setInFlight's 11.8 µs and the floor above) moves
 *   to the finish with the state change; only the claim's row frames (0.34) go. Not built: ~3% for losing in_flight in
 *   status, the busy-host and alias checks (requeueSeed, adoptFetch, paramLearning) and the summary's consistency
 *   after a kill.
 *   (a) bigger claims: batch 16 57.0 / 55.0 / 59.9 µs, 64 45.2 / 49.0 / 51.2, 256 46.1 / 47.8 (the bench's clock
 *   makes ~100 hosts ready per ms): ~15% from 16 to 64, nothing beyond; one multi-row statement per kind was tried
 *   in the sixth pass (statement journal spilled to a temp file). It is the caller's batch, not the frontier's.
 *   (c) settings were the third-to-sixth passes' (wal_autocheckpoint 2 000 kept; mmap, cache_size, OR FAIL left).
 *   Bound: at batch 16 on ext4 ~2 frames per URL at ~7-10 µs CPU each all told (frame write, checksum, checkpoint
 *   copy and fsync), ~30 µs of statements (index descents into a 280 MB store through a 16 MB page cache) and ~5 of
 *   JS: ~45 µs CPU at best (batch 64), ≤ 22 000 per CPU-second, before the checkpoint fsyncs' wait. 20 000 claims/s
 *   of wall time on this VM comes near on tmpfs (18 784/s), not on its disk. What would pay is a pick without
 *   frontier_pick: each host's queued URLs (id, priority, depth, due) in memory, loaded at open and fed by new rows
 *   (id > last seen), so a claim writes its row and the summary only (frontier_pick's ~0.9 of ~2.1 frames per URL
 *   gone, and the host's best-URL descent, 13 µs); it costs a scan of the queued rows at open (1 M rows), memory,
 *   and a claim right exclusive to the run-lock holder, which the store's leases (several holders) do not assume.
 *   Prototype of that pick (a scratch script, not in the tree: frontier_pick dropped on a copy of the store, the
 *   queued ids loaded into one Int32Array per host, hosts in a FIFO since every delay is equal here; a claim reads its
 *   row by id, then setInFlight, the group update and one source update; finishes by id in one transaction), 3 pairs
 *   of 60 000 claims at batch 16 alternated with the current claim path (load 5-12): 31.5 / 42.0 / 40.2 against
 *   64.5 / 73.6 / 74.9 µs CPU per claim+finish (0.55, medians), claim 20-27 against 50-58 µs, 4 615 against 12 773
 *   bytes written per URL; loading the 1 M queued rows 2.3-3.0 s of CPU, peak RSS 215-222 MB (the load's arrays,
 *   untrimmed). It leaves out what a claim also does (parking, busy and spent hosts, due times, rows added by other
 *   processes, correct()): ~1.7x is the most the design gives here, short of 2.5x, and it is a change of who may
 *   claim, not a tuning.
 *   This bench, `--urls 1000000 --finish-many`, 2e16b80 and this tree (the same frontier: only the output changed, so
 *   an A/A) alternated, 3 runs each (load 4-12): µs CPU per claim+finish 72.7 / 63.6 / 80.5 and 58.1 / 80.4 / 67.1
 *   (medians 72.7 and 67.1: the load's spread); wall 9 705 / 5 446 / 5 032 and 14 340 / 5 125 / 11 764 claims/s;
 *   claim() 46.5-63.3 µs of it; 12 254-12 257 bytes written per URL; peak RSS 179-199 MB; enqueue 11 068-12 827 per
 *   CPU-second. Default mode (a finish() per URL, its own commit), one run at load 10-17: 100 000 URLs 1 924/s,
 *   100.7 µs CPU (50.8 in claim()), 17 358 bytes written, RSS 161 MB; 1 000 000 URLs 3 436/s, 99.1 µs (52.5),
 *   23 689 bytes, RSS 184 MB.
 *
 * Eighth pass (2026-12-07, issue 14; 1 M URLs, ext4, synchronous=full, batch 16; cfdd96c and this tree side by
 * side, load 9-13 on 2 cores): the crawler finishes one page at a time, each finish() its own commit, half of a URL's
 * bytes written and a third of its CPU. finish() is now coalesced as the crawler has it (finishBuffer.ts,
 * CRAWL_FINISH_COALESCING): waiting finishes are written in the next claim's own transaction (or after 256, or 25
 * ms, or before any read through the Frontier); a killed run's unwritten finishes leave their URLs in flight under
 * its lease, and the next run claims them again. This bench's default now measures that (--no-coalesce: the old
 * way); claim() includes the finishes it writes. 91.5 → 58.8 µs CPU per claim+finish (10 926 → 17 017 per
 * CPU-second), 23 689 → 11 431 bytes written per URL, wall 1 970 → 3 324/s at that load; peak RSS 183 → 186 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { CRAWL_FINISH_COALESCING, Frontier, type AddUrl } from '../src/frontier/index.js';
import { openStoreDatabase, withLazySync } from '../src/storage/index.js';

export interface FrontierBenchOptions {
  urls?: number;
  hosts?: number;
  claims?: number;
  /** URLs asked for per claim() call (the crawler asks for its free slots). */
  batch?: number;
  /** Parent of the temp store directory (default os.tmpdir()). */
  dir?: string;
  /** PRAGMA synchronous for the run: the store's own FULL by default. */
  sync?: 'full' | 'normal' | 'off';
  /** Claim and its finishes in one transaction (one commit per batch instead of one per finish). */
  group?: boolean;
  /** Stop claiming after this long (the old frontier takes hours for 100 000 claims at 1 M). */
  maxSeconds?: number;
  /** Finish a claimed batch with one finishMany() (one commit) instead of one finish() per URL. */
  finishMany?: boolean;
  /** PRAGMA cache_size in MB for the run (SQLite's default is 2 MB). */
  cacheMb?: number;
  /** finish() coalesced as the crawler has it (CRAWL_FINISH_COALESCING; default true): false writes each at once. */
  coalesce?: boolean;
}

export interface FrontierBenchResult {
  urls: number;
  hosts: number;
  batch: number;
  sync: string;
  group: boolean;
  finishMany: boolean;
  coalesce: boolean;
  cacheMb: number | null;
  dir: string;
  enqueuePerSecond: number;
  enqueuePerCpuSecond: number;
  claimed: number;
  claimsPerSecond: number;
  /** The same per second of this process's CPU time (user + system): steadier than wall time on a shared machine. */
  claimsPerCpuSecond: number;
  peakRssMb: number;
  /** CPU µs of one claim + finish (the inverse of claimsPerCpuSecond). */
  cpuUsPerClaim: number;
  /** The claim() calls' share of cpuUsPerClaim (the rest: finishes, and the loop). */
  claimCpuUs: number;
  /** Bytes this process handed to write calls per claim + finish (WAL frames, checkpoint copies); null off Linux. */
  writtenBytesPerClaim: number | null;
  /** CPU µs of one in-memory SQLite primary-key update on this machine now: a yardstick for a shared machine. */
  yardstickUs: number;
}

/** Bytes this process passed to write(2)-family calls so far (Linux /proc/self/io `wchar`), or null. */
function bytesWritten(): number | null {
  try {
    const m = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** How fast this machine runs SQLite right now (a loaded or throttled VM shows it here first). */
function yardstick(): number {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++) insert.run(i);
  })();
  const update = db.prepare('UPDATE t SET v = v + 1 WHERE id = ?');
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 50_000; i++) update.run(1 + ((i * 7919) % 10_000));
  const cpu = process.cpuUsage(cpu0);
  db.close();
  return (cpu.user + cpu.system) / 50_000;
}

const ENQUEUE_BATCH = 1000;
/** Virtual clock: each claim call is 1 ms later; a host waits this long between two of its URLs. */
const HOST_DELAY_MS = 100;

function urlFor(i: number, hosts: number): AddUrl {
  const host = i % hosts;
  const n = Math.floor(i / hosts);
  // A few index pages per host with a higher priority, the rest articles at depths 1-3.
  const index = n % 50 === 0;
  return { url: `https://h${host}.example/s${n % 20}/article-${n}.html?p=${i % 7}`, source: `src${host % 4}`, depth: 1 + (n % 3), priority: index ? 10 : 0 };
}

export function runFrontierBench(opts: FrontierBenchOptions = {}): FrontierBenchResult {
  const urls = opts.urls ?? 100_000;
  const hosts = opts.hosts ?? 10_000;
  const claims = Math.min(opts.claims ?? 100_000, urls);
  const batch = opts.batch ?? 16;
  const sync = opts.sync ?? 'full';
  const parent = opts.dir ?? tmpdir();
  const dir = mkdtempSync(join(parent, 'snapcrawl-frontier-bench-'));
  const maxMs = (opts.maxSeconds ?? 600) * 1000;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  try {
    const db = openStoreDatabase(dir);
    db.pragma(`synchronous = ${sync}`);
    if (opts.cacheMb !== undefined) db.pragma(`cache_size = -${opts.cacheMb * 1024}`);
    const coalesce = opts.coalesce ?? true;
    const f = new Frontier(db, 'bench', coalesce ? { coalesceFinishes: CRAWL_FINISH_COALESCING } : {});
    let t = performance.now();
    const enqueueCpu0 = process.cpuUsage();
    for (let i = 0; i < urls; i += ENQUEUE_BATCH) {
      const items: AddUrl[] = [];
      for (let j = i; j < Math.min(urls, i + ENQUEUE_BATCH); j++) items.push(urlFor(j, hosts));
      f.addMany(items, 0);
      if (i % 50_000 === 0) sample();
    }
    const enqueueMs = performance.now() - t;
    const enqueueCpu = process.cpuUsage(enqueueCpu0);
    let now = 1_000_000;
    let claimed = 0;
    let claimCpu = 0;
    const written0 = bytesWritten();
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const step = () => {
      const before = process.cpuUsage();
      const got = f.claim({ now, limit: Math.min(batch, claims - claimed), delayFor: () => HOST_DELAY_MS });
      const spent = process.cpuUsage(before);
      claimCpu += spent.user + spent.system;
      const result = { state: 'done', outcome: 'snapshot-new', status: 200, nextRevisitAt: now + 86_400_000 } as const;
      if (opts.finishMany) f.finishMany(got.map((e) => ({ url: e.url, result })), now);
      else for (const e of got) f.finish(e.url, result, now);
      return got.length;
    };
    // Lazy sync as the frontier's own transactions have it: inside this one they leave synchronous alone, so without
    // it every grouped commit was fsynced (synchronous=FULL; wall time, not CPU). See the header for the CPU it costs.
    const transaction = db.transaction(step);
    const grouped = () => withLazySync(db, () => transaction.immediate());
    while (claimed < claims && performance.now() - t < maxMs) {
      claimed += opts.group ? grouped() : step();
      now++;
      if (claimed % 10_000 < batch) sample();
    }
    f.flush(); // the last finishes still waiting (coalesced)
    const claimMs = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    const written1 = bytesWritten();
    db.close();
    sample();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    return {
      urls,
      hosts,
      batch,
      sync,
      group: opts.group ?? false,
      finishMany: opts.finishMany ?? false,
      coalesce,
      cacheMb: opts.cacheMb ?? null,
      dir: parent,
      enqueuePerSecond: Math.round(urls / (enqueueMs / 1000)),
      enqueuePerCpuSecond: Math.round(urls / ((enqueueCpu.user + enqueueCpu.system) / 1e6)),
      claimed,
      claimsPerSecond: Math.round(claimed / (claimMs / 1000)),
      claimsPerCpuSecond: Math.round(claimed / ((cpu.user + cpu.system) / 1e6)),
      peakRssMb: Math.round(Math.max(peak, maxRss) / 1024 / 1024),
      cpuUsPerClaim: Number(((cpu.user + cpu.system) / Math.max(1, claimed)).toFixed(1)),
      claimCpuUs: Number((claimCpu / Math.max(1, claimed)).toFixed(1)),
      writtenBytesPerClaim: written0 === null || written1 === null ? null : Math.round((written1 - written0) / Math.max(1, claimed)),
      yardstickUs: Number(yardstick().toFixed(2)),
    };
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]): FrontierBenchOptions & { child?: boolean } {
  const out: FrontierBenchOptions & { child?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--child') out.child = true;
    else if (k === '--group') out.group = true;
    else if (k === '--finish-many') out.finishMany = true;
    else if (k === '--no-coalesce') out.coalesce = false;
    else if (k === '--cache-mb') (out.cacheMb = Number(v)), i++;
    else if (k === '--urls') (out.urls = Number(v)), i++;
    else if (k === '--hosts') (out.hosts = Number(v)), i++;
    else if (k === '--claims') (out.claims = Number(v)), i++;
    else if (k === '--batch') (out.batch = Number(v)), i++;
    else if (k === '--dir') (out.dir = v), i++;
    else if (k === '--sync') (out.sync = v as FrontierBenchOptions['sync']), i++;
    else if (k === '--max-seconds') (out.maxSeconds = Number(v)), i++;
  }
  return out;
}

const format = (r: FrontierBenchResult) =>
  `${r.urls.toLocaleString('en')} URLs / ${r.hosts.toLocaleString('en')} hosts (store in ${r.dir}, synchronous=${r.sync}, ` +
  `claim batch ${r.batch}${r.group ? ', claim+finishes in one transaction' : ''}${r.finishMany ? ', finishMany' : r.coalesce ? ', finish() coalesced' : ', finish() each its own commit'}` +
  `${r.cacheMb !== null ? `, cache ${r.cacheMb} MB` : ''}): enqueue ${r.enqueuePerSecond.toLocaleString('en')}/s ` +
  `(${r.enqueuePerCpuSecond.toLocaleString('en')} per CPU-second); ` +
  `${r.claimed.toLocaleString('en')} claimed+finished at ${r.claimsPerSecond.toLocaleString('en')}/s ` +
  `(${r.claimsPerCpuSecond.toLocaleString('en')} per CPU-second, ${r.cpuUsPerClaim} µs CPU each, ${r.claimCpuUs} in claim()` +
  `${r.writtenBytesPerClaim !== null ? `, ${r.writtenBytesPerClaim.toLocaleString('en')} bytes written` : ''}); peak RSS ${r.peakRssMb} MB; ` +
  `yardstick ${r.yardstickUs} µs CPU per in-memory SQLite update`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  if (args.child || args.urls !== undefined) {
    const result = runFrontierBench(args);
    if (args.child) console.log(JSON.stringify(result));
    else console.log(format(result));
  } else {
    // Each size in its own process, so the 100 000 run's peak RSS is not the 1 000 000 run's. At 1 M both ways of
    // finishing: a finish() per URL (its own commit, as the crawler finishes a page) and one finishMany() per batch.
    const rest = process.argv.slice(2);
    const runs: string[][] = [['--urls', '100000'], ['--urls', '1000000']];
    if (!rest.includes('--finish-many')) runs.push(['--urls', '1000000', '--finish-many']);
    for (const run of runs) {
      const urls = run[1];
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', ...run, ...rest], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (child.status !== 0) throw new Error(`frontier bench at ${urls} URLs failed (${child.status})`);
      console.log(format(JSON.parse(child.stdout.trim().split('\n').pop()!) as FrontierBenchResult));
    }
  }
}
