/**
 * The Lua shared by every frontier script (prepended to each): key names, the group bookkeeping and the exclusion
 * check. Every script gets the key prefix as ARGV[1]; the keys it touches are derived from it (a single Redis, not
 * Cluster: the per-URL and per-group keys are not declared up front).
 *
 * Keys under the prefix P:
 *   u:<url>        hash   one URL: st (state), req, host, src, depth, kind, att, from, rk (rank score), wk/exp (lease),
 *                         out, status, err, fat, snap, etag, lm, fc (fetch count), nrv (next revisit), sm (the site's change signal). Its existence is
 *                         the seen set. ~300 bytes each in listpack encoding: 1M URLs ≈ 300 MB of Redis memory.
 *   q:<g>          zset   a group's due URLs by rank (priority desc, depth, order added) — g is `host<TAB>source`
 *   w:<g>          zset   a group's URLs not due yet, by due time (notBefore, retryLater, requeue)
 *   ready          zset   groups with queued URLs, by the earliest time one may start (max(host next, due))
 *   held           zset   groups taken out of `ready` (host at its concurrency, or source exhausted), same score
 *   hg:<host>      set    the host's groups with queued URLs
 *   pk:<source>    set    groups parked because the source's budget is spent; parkedsrc: the sources with some
 *   pkh:<host>     set    groups parked because the host's budget is spent; parkedhosts: the hosts with some
 *   rv             zset   done/failed URLs with a next revisit, by its time (requeueDue picks them up)
 *   h:<host>       hash   next (next allowed start), inflight, delay, conc (policy), blocked (groups held)
 *   leases         zset   in-flight URLs by lease expiry
 *   counts         hash   URLs per state; ctr: budget counters; seq: the order-added counter
 *   rb:<origin>    hash   robots.txt body and expiry;  once:<key>: claimOnce markers (SET NX PX)
 *   pp:<url>       hash   a page fetched, for parameter learning: h (content hash), c (trusted canonical)
 *   pvp:<base>     set    parameters some fetched URL adds (alone) to <base>
 *   pv:<base><TAB><param>  set  fetched URLs that are <base> plus that parameter
 *   pes:/ped:<host><TAB><param>  sets  bases where the parameter made no difference / a difference
 *   lp:<host>      hash   parameter → 'ignorable' | 'significant' (the learned set is the ignorable ones)
 *   ex:url|prefix|host|id  sets of takedown rules; ex:plen: prefix lengths → how many; exmeta: rule → reason/date
 */
export const LUA_LIB = `
local P = ARGV[1]
local SEP = '\\t'
local function fmt(n) return string.format('%.0f', n) end
local function num(v, d) if v then return tonumber(v) end return d end
local function split(g)
  local i = string.find(g, SEP, 1, true)
  return string.sub(g, 1, i - 1), string.sub(g, i + 1)
end
local function count(state, by) redis.call('HINCRBY', P .. 'counts', state, by) end

-- Puts a group where it belongs: ready (or held when parked or hold) at max(host next, first due), or nowhere if empty.
local function rescore(g, hold)
  local host, src = split(g)
  local at = num(redis.call('HGET', P .. 'h:' .. host, 'next'), 0)
  if redis.call('ZCARD', P .. 'q:' .. g) == 0 then
    local w = redis.call('ZRANGE', P .. 'w:' .. g, 0, 0, 'WITHSCORES')
    if #w == 0 then
      redis.call('ZREM', P .. 'ready', g)
      redis.call('ZREM', P .. 'held', g)
      redis.call('SREM', P .. 'hg:' .. host, g)
      redis.call('SREM', P .. 'pk:' .. src, g)
      redis.call('SREM', P .. 'pkh:' .. host, g)
      return
    end
    at = math.max(at, tonumber(w[2]))
  end
  redis.call('SADD', P .. 'hg:' .. host, g)
  if hold or redis.call('SISMEMBER', P .. 'pk:' .. src, g) == 1 or redis.call('SISMEMBER', P .. 'pkh:' .. host, g) == 1 then
    redis.call('ZREM', P .. 'ready', g)
    redis.call('ZADD', P .. 'held', fmt(at), g)
  else
    redis.call('ZREM', P .. 'held', g)
    redis.call('ZADD', P .. 'ready', fmt(at), g)
  end
end

-- A new URL's hash (its existence is the seen set), with its rank: higher priority first, then shallower, then the
-- order added (an integer below 2^53).
local function newUrl(it, state)
  local prio = math.max(-1000, math.min(1000, math.floor(tonumber(it[7]))))
  local depth = math.max(0, math.min(1023, math.floor(tonumber(it[5]))))
  local seq = redis.call('INCR', P .. 'seq') % 4294967296
  local rk = fmt((-prio * 1024 + depth) * 4294967296 + seq)
  redis.call('HSET', P .. 'u:' .. it[1], 'st', state, 'req', it[2], 'host', it[3], 'src', it[4], 'depth', it[5], 'kind', it[6],
    'att', 0, 'from', it[8], 'rk', rk, 'fc', 0)
end

-- Queues a URL of group g: due now (by rank) or at a later time (by that time).
local function enqueue(url, g, at)
  if at and at > 0 then
    redis.call('ZADD', P .. 'w:' .. g, fmt(at), url)
  else
    redis.call('ZADD', P .. 'q:' .. g, redis.call('HGET', P .. 'u:' .. url, 'rk'), url)
  end
end

-- A lease on host ended: one fewer in flight, and groups held for its concurrency come back.
local function release(host)
  local hk = P .. 'h:' .. host
  if redis.call('HINCRBY', hk, 'inflight', -1) < 0 then redis.call('HSET', hk, 'inflight', 0) end
  if redis.call('HGET', hk, 'blocked') == '1' then
    redis.call('HDEL', hk, 'blocked')
    for _, g in ipairs(redis.call('SMEMBERS', P .. 'hg:' .. host)) do rescore(g, false) end
  end
end

-- Hostname of an http(s) URL as WHATWG gives it for a normalized URL (lower-case, no port, no trailing dot).
local function hostname(url)
  local scheme, rest = string.match(url, '^(%a[%w+.-]*)://(.*)$')
  if not scheme then return nil end
  scheme = string.lower(scheme)
  if scheme ~= 'http' and scheme ~= 'https' then return nil end
  local auth = string.gsub(string.match(rest, '^[^/?#]*'), '^.*@', '')
  local h
  if string.sub(auth, 1, 1) == '[' then h = string.match(auth, '^%[[^%]]*%]') or auth
  else h = string.gsub(auth, ':[0-9]*$', '') end
  h = string.gsub(string.lower(h), '%.+$', '')
  return h
end

local exRules = nil
local function excluded(url)
  local h = hostname(url)
  if not h then return false end
  if not exRules then
    exRules = { lens = {}, hosts = redis.call('SCARD', P .. 'ex:host') > 0, urls = redis.call('SCARD', P .. 'ex:url') > 0 }
    for _, l in ipairs(redis.call('HKEYS', P .. 'ex:plen')) do table.insert(exRules.lens, tonumber(l)) end
  end
  if exRules.urls and redis.call('SISMEMBER', P .. 'ex:url', url) == 1 then return true end
  if exRules.hosts then
    local s = h
    while true do
      if redis.call('SISMEMBER', P .. 'ex:host', s) == 1 then return true end
      local i = string.find(s, '.', 1, true)
      if not i then break end
      s = string.sub(s, i + 1)
    end
  end
  for _, n in ipairs(exRules.lens) do
    if n <= #url and redis.call('SISMEMBER', P .. 'ex:prefix', string.sub(url, 1, n)) == 1 then return true end
  end
  return false
end
`;
