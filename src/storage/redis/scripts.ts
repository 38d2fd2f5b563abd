import { LUA_LIB } from './lua.js';

/**
 * The frontier's Lua scripts: every change touching more than one key is one of these, so it is atomic in Redis
 * (a script runs alone). Each is registered with ioredis defineCommand (EVALSHA, falling back to EVAL once after a
 * restart) and takes the key prefix as ARGV[1]; the shared functions are in lua.ts.
 */

/** ARGV: P, items JSON [[url, requestUrl, host, source, depth, kind, priority, from, notBefore], …]. Returns how many were new. */
const ADD = `
local items = cjson.decode(ARGV[2])
local added = 0
local touched = {}
for _, it in ipairs(items) do
  local url = it[1]
  local uk = P .. 'u:' .. url
  if redis.call('EXISTS', uk) == 0 and not excluded(url) then
    local g = it[3] .. SEP .. it[4]
    newUrl(it, 'queued')
    enqueue(url, g, tonumber(it[9]))
    touched[g] = true
    added = added + 1
  end
end
for g in pairs(touched) do rescore(g, false) end
if added > 0 then count('queued', added) end
return added
`;

/**
 * ARGV: P, now, limit, leaseMs, worker, exhausted sources JSON, policies JSON [[host, delayMs, concurrency], …],
 * exhausted hosts JSON.
 * Returns {claimed, needPolicy}: claimed rows [url, requestUrl, host, source, depth, kind, attempts, from, delay,
 * concurrency, etag, lastModified, snapshotId, fetchCount] (validators '' when absent); needPolicy: groups at the head of the queue whose host has no policy stored yet (the caller asks
 * policyFor and calls again with it). Each URL handed out costs a few O(log n) sorted-set steps.
 */
const CLAIM = `
local now = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local leaseMs = tonumber(ARGV[4])
local worker = ARGV[5]
local exhausted = {}
for _, s in ipairs(cjson.decode(ARGV[6])) do exhausted[s] = true end
for _, p in ipairs(cjson.decode(ARGV[7])) do redis.call('HSET', P .. 'h:' .. p[1], 'delay', p[2], 'conc', p[3]) end
-- Sources no longer exhausted: their parked groups come back (a handful of sources, not a scan of hosts).
for _, s in ipairs(redis.call('SMEMBERS', P .. 'parkedsrc')) do
  if not exhausted[s] then
    local gs = redis.call('SMEMBERS', P .. 'pk:' .. s)
    redis.call('DEL', P .. 'pk:' .. s)
    redis.call('SREM', P .. 'parkedsrc', s)
    for _, g in ipairs(gs) do rescore(g, false) end
  end
end
local exhaustedHosts = {}
for _, h in ipairs(cjson.decode(ARGV[8] or '[]')) do exhaustedHosts[h] = true end
for _, h in ipairs(redis.call('SMEMBERS', P .. 'parkedhosts')) do
  if not exhaustedHosts[h] then
    local gs = redis.call('SMEMBERS', P .. 'pkh:' .. h)
    redis.call('DEL', P .. 'pkh:' .. h)
    redis.call('SREM', P .. 'parkedhosts', h)
    for _, g in ipairs(gs) do rescore(g, false) end
  end
end
local out, need = {}, {}
local skip, steps, skipped = 0, 0, 0
while #out < limit and steps < limit * 4 + 32 do
  steps = steps + 1
  local top = redis.call('ZRANGEBYSCORE', P .. 'ready', '-inf', fmt(now), 'LIMIT', skip, 1)
  if #top == 0 then break end
  local g = top[1]
  local host, src = split(g)
  local hk = P .. 'h:' .. host
  if exhausted[src] then
    redis.call('SADD', P .. 'pk:' .. src, g)
    redis.call('SADD', P .. 'parkedsrc', src)
    rescore(g, false)
  elseif exhaustedHosts[host] then
    redis.call('SADD', P .. 'pkh:' .. host, g)
    redis.call('SADD', P .. 'parkedhosts', host)
    rescore(g, false)
  else
    local h = redis.call('HMGET', hk, 'next', 'inflight', 'delay', 'conc')
    if num(h[1], 0) > now then
      rescore(g, false) -- a stale score: another group of the host started a request since
    elseif not h[3] then
      table.insert(need, g)
      skip = skip + 1
    elseif num(h[2], 0) >= tonumber(h[4]) then
      redis.call('HSET', hk, 'blocked', '1')
      rescore(g, true)
    else
      local wk = P .. 'w:' .. g
      for _, url in ipairs(redis.call('ZRANGEBYSCORE', wk, '-inf', fmt(now), 'LIMIT', 0, 64)) do
        redis.call('ZREM', wk, url)
        redis.call('ZADD', P .. 'q:' .. g, redis.call('HGET', P .. 'u:' .. url, 'rk'), url)
      end
      local head = redis.call('ZRANGE', P .. 'q:' .. g, 0, 0)
      if #head > 0 then
        local url = head[1]
        local uk = P .. 'u:' .. url
        redis.call('ZREM', P .. 'q:' .. g, url)
        if excluded(url) then
          redis.call('HSET', uk, 'st', 'skipped', 'out', 'excluded')
          skipped = skipped + 1
        else
          local exp = now + leaseMs
          local att = redis.call('HINCRBY', uk, 'att', 1)
          redis.call('HSET', uk, 'st', 'in_flight', 'wk', worker, 'exp', fmt(exp))
          redis.call('ZADD', P .. 'leases', fmt(exp), url)
          redis.call('HINCRBY', hk, 'inflight', 1)
          redis.call('HSET', hk, 'next', fmt(now + tonumber(h[3])))
          local f = redis.call('HMGET', uk, 'req', 'depth', 'kind', 'from', 'etag', 'lm', 'snap', 'fc')
          table.insert(out, { url, f[1], host, src, f[2], f[3], att, f[4], h[3], h[4], f[5] or '', f[6] or '', f[7] or '', f[8] or '0' })
        end
      end
      rescore(g, false)
    end
  end
end
if #out + skipped > 0 then count('queued', -(#out + skipped)) end
if #out > 0 then count('in_flight', #out) end
if skipped > 0 then count('skipped', skipped) end
return { out, need }
`;

/** ARGV: P, host, delayMs, concurrency, startedAt (or ''): stores a host's policy; a longer delay counts from startedAt. */
const SET_POLICY = `
local hk = P .. 'h:' .. ARGV[2]
redis.call('HSET', hk, 'delay', ARGV[3], 'conc', ARGV[4])
if ARGV[5] ~= '' then
  local at = tonumber(ARGV[5]) + tonumber(ARGV[3])
  if at > num(redis.call('HGET', hk, 'next'), 0) then redis.call('HSET', hk, 'next', fmt(at)) end
end
redis.call('HDEL', hk, 'blocked')
for _, g in ipairs(redis.call('SMEMBERS', P .. 'hg:' .. ARGV[2])) do rescore(g, false) end
return 1
`;

/** The lease check every lease-holder operation starts with: the URL's hash, or nil when the lease is not worker's. */
const HELD = `
local function held(url, worker)
  local uk = P .. 'u:' .. url
  local f = redis.call('HMGET', uk, 'st', 'wk', 'host', 'src')
  if f[1] ~= 'in_flight' or f[2] ~= worker then return nil end
  return f
end
local function unlease(url, f)
  redis.call('HDEL', P .. 'u:' .. url, 'wk', 'exp')
  redis.call('ZREM', P .. 'leases', url)
  count('in_flight', -1)
  release(f[3])
end
`;

/**
 * A page's share of its run's report (RunTally as JSON, '' for none), added to hash t:<key> with the step it goes
 * with: counters by HINCRBY, records by HSETNX (the first one stays).
 */
const TALLY = `
local function tally(json)
  if not json or json == '' then return end
  local t = cjson.decode(json)
  local k = P .. 't:' .. t.key
  if type(t.add) == 'table' then for f, n in pairs(t.add) do redis.call('HINCRBY', k, f, fmt(n)) end end
  if type(t.once) == 'table' then for f, v in pairs(t.once) do redis.call('HSETNX', k, f, v) end end
end
`;

/** ARGV: P, worker, url, now, state, outcome, status, error, snapshotId, etag, lastModified, nextRevisitAt ('' = absent), tally. */
const FINISH = `${HELD}${TALLY}
local url = ARGV[3]
local f = held(url, ARGV[2])
if not f then return 0 end
local uk = P .. 'u:' .. url
local state = ARGV[5]
redis.call('HSET', uk, 'st', state, 'out', ARGV[6], 'fat', ARGV[4])
local opt = { status = ARGV[7], err = ARGV[8], nrv = ARGV[12] }
for k, v in pairs(opt) do
  if v == '' then redis.call('HDEL', uk, k) else redis.call('HSET', uk, k, v) end
end
-- Validators a response did not bring (a 304) keep their earlier values.
local keep = { snap = ARGV[9], etag = ARGV[10], lm = ARGV[11] }
for k, v in pairs(keep) do if v ~= '' then redis.call('HSET', uk, k, v) end end
if state == 'done' then redis.call('HINCRBY', uk, 'fc', 1) end
-- Revisits and retries due in a later run: requeueDue finds them by time.
if ARGV[12] ~= '' and state ~= 'skipped' then redis.call('ZADD', P .. 'rv', ARGV[12], url) else redis.call('ZREM', P .. 'rv', url) end
count(state, 1)
unlease(url, f)
tally(ARGV[13])
return 1
`;

/** ARGV: P, worker, url, at, error, tally. */
const RETRY = `${HELD}${TALLY}
local url = ARGV[3]
local f = held(url, ARGV[2])
if not f then return 0 end
tally(ARGV[6])
redis.call('HSET', P .. 'u:' .. url, 'st', 'queued', 'err', ARGV[5])
unlease(url, f)
count('queued', 1)
local g = f[3] .. SEP .. f[4]
enqueue(url, g, tonumber(ARGV[4]))
rescore(g, false)
return 1
`;

/** ARGV: P, now, max. Expired leases (expiry ≤ now) back to the queue, due at once, attempts kept. */
const RECLAIM = `
local urls = redis.call('ZRANGEBYSCORE', P .. 'leases', '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
for _, url in ipairs(urls) do
  local uk = P .. 'u:' .. url
  local f = redis.call('HMGET', uk, 'host', 'src')
  redis.call('HSET', uk, 'st', 'queued')
  redis.call('HDEL', uk, 'wk', 'exp')
  redis.call('ZREM', P .. 'leases', url)
  count('in_flight', -1)
  count('queued', 1)
  release(f[1])
  local g = f[1] .. SEP .. f[2]
  enqueue(url, g, 0)
  rescore(g, false)
end
return #urls
`;

/** ARGV: P, worker, expiresAt, url…. Returns the URLs whose lease the worker still holds, now extended. */
const RENEW = `
local out = {}
for i = 4, #ARGV do
  local url = ARGV[i]
  local uk = P .. 'u:' .. url
  local f = redis.call('HMGET', uk, 'st', 'wk')
  if f[1] == 'in_flight' and f[2] == ARGV[2] then
    redis.call('HSET', uk, 'exp', ARGV[3])
    redis.call('ZADD', P .. 'leases', ARGV[3], url)
    table.insert(out, url)
  end
end
return out
`;

/**
 * ARGV: P, items JSON (as ADD's), outcome, now, fetch JSON ({} or {status, snap, etag, lm, nrv}). URLs handled without
 * a fetch of their own: new ones added done, queued ones done; with a fetch, its fields as FINISH records them.
 */
const MARK_HANDLED = `
local items = cjson.decode(ARGV[2])
local fetch = cjson.decode(ARGV[5] or '{}')
local function adopt(url)
  if not fetch.status then return end
  local uk = P .. 'u:' .. url
  for k, v in pairs({ status = fetch.status, snap = fetch.snap, etag = fetch.etag, lm = fetch.lm, nrv = fetch.nrv }) do
    if v ~= '' then redis.call('HSET', uk, k, v) end
  end
  redis.call('HINCRBY', uk, 'fc', 1)
  if fetch.nrv ~= '' then redis.call('ZADD', P .. 'rv', fetch.nrv, url) end
end
local changed = 0
for _, it in ipairs(items) do
  local url = it[1]
  local uk = P .. 'u:' .. url
  local f = redis.call('HMGET', uk, 'st', 'host', 'src')
  if not f[1] then
    if not excluded(url) then
      newUrl(it, 'done')
      redis.call('HSET', uk, 'out', ARGV[3], 'fat', ARGV[4])
      adopt(url)
      count('done', 1)
      changed = changed + 1
    end
  elseif f[1] == 'queued' then
    local g = f[2] .. SEP .. f[3]
    redis.call('ZREM', P .. 'q:' .. g, url)
    redis.call('ZREM', P .. 'w:' .. g, url)
    redis.call('HSET', uk, 'st', 'done', 'out', ARGV[3], 'fat', ARGV[4])
    adopt(url)
    count('queued', -1)
    count('done', 1)
    rescore(g, false)
    changed = changed + 1
  end
end
return changed
`;

/** ARGV: P, pairs JSON [[url, modified], …]: the site's newest change signal, on URLs already added. */
const SET_SITE_MODIFIED = `
for _, p in ipairs(cjson.decode(ARGV[2])) do
  local uk = P .. 'u:' .. p[1]
  if redis.call('EXISTS', uk) == 1 then redis.call('HSET', uk, 'sm', p[2]) end
end
return 1
`;

/** ARGV: P, url, notBefore. A done or failed URL back on the queue. */
const REQUEUE = `
local url = ARGV[2]
local uk = P .. 'u:' .. url
local f = redis.call('HMGET', uk, 'st', 'host', 'src')
if f[1] ~= 'done' and f[1] ~= 'failed' then return 0 end
redis.call('HSET', uk, 'st', 'queued')
if f[1] == 'done' then redis.call('HSET', uk, 'att', 0) end
count(f[1], -1)
count('queued', 1)
local g = f[2] .. SEP .. f[3]
enqueue(url, g, tonumber(ARGV[3]))
rescore(g, false)
return 1
`;

/**
 * ARGV: P, now, max, offset, sources JSON. Done or failed URLs of those sources whose next revisit is due by now back on
 * the queue, due at once. Returns {read, requeued}: the caller pages on (offset + read - taken out) while read = max.
 */
const REQUEUE_DUE = `
local srcs = {}
for _, s in ipairs(cjson.decode(ARGV[5])) do srcs[s] = true end
local urls = redis.call('ZRANGEBYSCORE', P .. 'rv', '-inf', ARGV[2], 'LIMIT', tonumber(ARGV[4]), tonumber(ARGV[3]))
local taken, requeued = 0, 0
for _, url in ipairs(urls) do
  local uk = P .. 'u:' .. url
  local f = redis.call('HMGET', uk, 'st', 'host', 'src')
  if f[1] == false or srcs[f[3]] then
    redis.call('ZREM', P .. 'rv', url)
    taken = taken + 1
    if f[1] == 'done' or f[1] == 'failed' then
      redis.call('HSET', uk, 'st', 'queued')
      if f[1] == 'done' then redis.call('HSET', uk, 'att', 0) end
      count(f[1], -1)
      count('queued', 1)
      local g = f[2] .. SEP .. f[3]
      enqueue(url, g, 0)
      rescore(g, false)
      requeued = requeued + 1
    end
  end
end
return { #urls, taken, requeued }
`;

/** ARGV: P, host, now, delayMs. Returns the start booked (≥ now, ≥ the host's next allowed start); the next moves past it. */
const BOOK_START = `
local hk = P .. 'h:' .. ARGV[2]
local h = redis.call('HMGET', hk, 'next', 'delay')
local at = math.max(tonumber(ARGV[3]), num(h[1], 0))
local delay = math.max(tonumber(ARGV[4]), num(h[2], 0))
redis.call('HSET', hk, 'next', fmt(at + delay))
return fmt(at)
`;

/** ARGV: P, url…. 1 for each URL ever added, else 0. */
const HAS_MANY = `
local out = {}
for i = 2, #ARGV do out[i - 1] = redis.call('EXISTS', P .. 'u:' .. ARGV[i]) end
return out
`;

/** ARGV: P, url, max. The discoverers of url, nearest first, up to max, stopping at a cycle or a URL not known. */
const LINEAGE = `
local out, seen = {}, {}
local url = ARGV[2]
seen[url] = true
while #out < tonumber(ARGV[3]) do
  local from = redis.call('HGET', P .. 'u:' .. url, 'from')
  if not from or from == '' or seen[from] then break end
  table.insert(out, from)
  seen[from] = true
  url = from
end
return out
`;

/** ARGV: P, reason JSON, createdAt, kind, value, kind, value…. Returns how many rules were new. */
const ADD_EXCLUSIONS = `
local added = 0
for i = 4, #ARGV, 2 do
  local kind, value = ARGV[i], ARGV[i + 1]
  if redis.call('SADD', P .. 'ex:' .. kind, value) == 1 then
    added = added + 1
    redis.call('HSET', P .. 'exmeta', kind .. SEP .. value, cjson.encode({ ARGV[2], ARGV[3] }))
    if kind == 'prefix' then redis.call('HINCRBY', P .. 'ex:plen', #value, 1) end
  end
end
return added
`;

/** ARGV: P, kind, value. */
const REMOVE_EXCLUSION = `
local kind, value = ARGV[2], ARGV[3]
if redis.call('SREM', P .. 'ex:' .. kind, value) == 0 then return 0 end
redis.call('HDEL', P .. 'exmeta', kind .. SEP .. value)
if kind == 'prefix' and redis.call('HINCRBY', P .. 'ex:plen', #value, -1) <= 0 then redis.call('HDEL', P .. 'ex:plen', #value) end
return 1
`;

/** ARGV: P, url. */
const IS_EXCLUDED = `return excluded(ARGV[2]) and 1 or 0`;

/**
 * A parameter just learned for a host: its queued URLs that carry it become aliases of their URL less it, as the
 * embedded crawl's ParamLearner.aliasQueuedRows does (one step with the learning, so no worker claims one between).
 * The plain URL is queued in the variant's place (its rank and due time) when it is new; the variant is finished
 * `done` with `alias-of:<plain URL>` and never fetched. Keys are normalized, so a piece's name is compared with its
 * escapes normalized as paramLearning.ts withoutParams does (hex upper-cased, unreserved characters decoded).
 * Only the host's queued URLs are read (its groups' q:/w: sets), never the whole frontier.
 */
const ALIAS_QUEUED = `
local function escNorm(s)
  return (string.gsub(s, '%%(%x%x)', function(hex)
    local c = string.char(tonumber(hex, 16))
    if string.match(c, '^[%w%-%._~]$') then return c end
    return '%' .. string.upper(hex)
  end))
end
-- url less the pieces named param (its fragment dropped), or nil when it has none.
local function withoutParam(url, param)
  local q = string.find(url, '?', 1, true)
  if not q then return nil end
  local h = string.find(url, '#', q + 1, true)
  local search = string.sub(url, q + 1, h and h - 1 or -1)
  local kept, removed = {}, false
  for part in string.gmatch(search, '[^&]+') do
    if escNorm(string.match(part, '^[^=]*')) == param then removed = true else kept[#kept + 1] = part end
  end
  if not removed then return nil end
  local rest = table.concat(kept, '&')
  if rest == '' then return string.sub(url, 1, q - 1) end
  return string.sub(url, 1, q - 1) .. '?' .. rest
end
local function aliasQueued(host, param, now)
  local n = 0
  for _, g in ipairs(redis.call('SMEMBERS', P .. 'hg:' .. host)) do
    for _, z in ipairs({ 'q:', 'w:' }) do
      local zk = P .. z .. g
      local rows = redis.call('ZRANGE', zk, 0, -1, 'WITHSCORES')
      for i = 1, #rows, 2 do
        local url, score = rows[i], rows[i + 1]
        local target = withoutParam(url, param)
        if target then
          local uk = P .. 'u:' .. url
          local f = redis.call('HMGET', uk, 'req', 'host', 'src', 'depth', 'kind', 'from', 'rk')
          local tk = P .. 'u:' .. target
          if redis.call('EXISTS', tk) == 0 and not excluded(target) then
            redis.call('HSET', tk, 'st', 'queued', 'req', withoutParam(f[1], param) or f[1], 'host', f[2], 'src', f[3], 'depth', f[4],
              'kind', f[5], 'att', 0, 'from', f[6], 'rk', f[7], 'fc', 0)
            redis.call('ZADD', zk, score, target)
            count('queued', 1)
          end
          redis.call('ZREM', zk, url)
          redis.call('HSET', uk, 'st', 'done', 'out', 'alias-of:' .. target, 'fat', now)
          redis.call('HDEL', uk, 'nrv')
          redis.call('ZREM', P .. 'rv', url)
          count('queued', -1)
          count('done', 1)
          n = n + 1
        end
      end
    end
    rescore(g, false)
  end
  return n
end
`;

/**
 * ARGV: P, plan JSON (interfaces.ts ParamPlan), now. Records one page's parameter evidence and decides the parameters
 * it touched, as param-queries.ts recordParamPlan does on SQLite (same rule; evidence counted once per base).
 * Returns {learned [param, confirmations, …], unlearned [param, …], aliased}: queued URLs carrying a parameter learned
 * now become aliases of their plain URL (ALIAS_QUEUED). ARGV: P, plan (JSON), now.
 */
const OBSERVE_PARAMS = `${ALIAS_QUEUED}
local plan = cjson.decode(ARGV[2])
local url, host = plan.url, plan.host
local canonical = plan.canonical
if canonical == cjson.null then canonical = nil end
local touched, order = {}, {}
local function page(u)
  local v = redis.call('HMGET', P .. 'pp:' .. u, 'h', 'c')
  if not v[1] then return nil end
  return { h = v[1], c = v[2] or nil }
end
-- A bounded part of a set (one SSCAN step: all of a small set, ~25 of a big one), as the SQL reads LIMIT rows:
-- a base with thousands of variants (?page=1…9999) costs the same per page as one with two.
local function sample(k) return redis.call('SSCAN', k, 0, 'COUNT', 25)[2] end
local self = { h = plan.contentHash, c = canonical }
local function verdict(a, b)
  if a.c and b.c then return a.c == b.c and 'same' or 'different' end
  return a.h == b.h and 'same' or 'different'
end
local function note(param, base, v)
  redis.call('SADD', P .. (v == 'same' and 'pes:' or 'ped:') .. host .. SEP .. param, base)
  if not touched[param] then touched[param] = true; order[#order + 1] = param end
end
redis.call('HSET', P .. 'pp:' .. url, 'h', plan.contentHash)
if canonical then redis.call('HSET', P .. 'pp:' .. url, 'c', canonical) else redis.call('HDEL', P .. 'pp:' .. url, 'c') end
for _, piece in ipairs(plan.pieces) do
  local base, name = piece.base, piece.name
  redis.call('SADD', P .. 'pvp:' .. base, name)
  redis.call('SADD', P .. 'pv:' .. base .. SEP .. name, url)
  local without = page(base)
  if without then note(name, base, verdict(self, without)) end
  local n = 0
  for _, other in ipairs(sample(P .. 'pv:' .. base .. SEP .. name)) do
    if other ~= url and n < 20 then
      local o = page(other)
      if o then note(name, base, verdict(self, o)); n = n + 1 end
    end
  end
  if canonical == base then note(name, base, 'same') end
end
local n = 0
for _, param in ipairs(sample(P .. 'pvp:' .. url)) do
  for _, child in ipairs(sample(P .. 'pv:' .. url .. SEP .. param)) do
    if n >= 50 then break end
    local c = page(child)
    if c then note(param, url, verdict(self, c)); n = n + 1 end
  end
end
local never = {}
for _, name in ipairs(plan.rules.neverLearned) do never[name] = true end
local learned, unlearned = {}, {}
for _, param in ipairs(order) do
  local state = redis.call('HGET', P .. 'lp:' .. host, param)
  if state ~= 'significant' then
    local different = redis.call('SCARD', P .. 'ped:' .. host .. SEP .. param) > 0
    if different or (not state and not never[string.lower(param)]) then
      local same = redis.call('SCARD', P .. 'pes:' .. host .. SEP .. param)
      if different then
        redis.call('HSET', P .. 'lp:' .. host, param, 'significant')
        if state == 'ignorable' then unlearned[#unlearned + 1] = param end
      elseif same >= tonumber(plan.rules.minConfirmations) then
        redis.call('HSET', P .. 'lp:' .. host, param, 'ignorable')
        learned[#learned + 1] = param
        learned[#learned + 1] = same
      end
    end
  end
end
local aliased = 0
for i = 1, #learned, 2 do aliased = aliased + aliasQueued(host, learned[i], ARGV[3]) end
return { learned, unlearned, aliased }
`;

export const SCRIPTS = {
  frontierAdd: ADD,
  frontierClaim: CLAIM,
  frontierSetPolicy: SET_POLICY,
  frontierFinish: FINISH,
  frontierRetry: RETRY,
  frontierReclaim: RECLAIM,
  frontierRenew: RENEW,
  frontierRequeue: REQUEUE,
  frontierMarkHandled: MARK_HANDLED,
  frontierSetSiteModified: SET_SITE_MODIFIED,
  frontierRequeueDue: REQUEUE_DUE,
  frontierBookStart: BOOK_START,
  frontierLineage: LINEAGE,
  frontierHasMany: HAS_MANY,
  frontierAddExclusions: ADD_EXCLUSIONS,
  frontierRemoveExclusion: REMOVE_EXCLUSION,
  frontierIsExcluded: IS_EXCLUDED,
  frontierObserveParams: OBSERVE_PARAMS,
} as const;

export type ScriptName = keyof typeof SCRIPTS;

/** The full text of a script: the shared library, then its body. */
export function scriptSource(name: ScriptName): string {
  return `${LUA_LIB}\n${SCRIPTS[name]}`;
}
