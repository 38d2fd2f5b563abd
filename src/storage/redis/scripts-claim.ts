/**
 * The frontier's Lua scripts for claiming (scripts.ts has the registry): the next due URLs by group and host, under
 * each host's delay and concurrency, and the host policy and start booking that pace them.
 */

/**
 * ARGV: P, now, limit, leaseMs, worker, exhausted sources JSON, policies JSON [[host, delayMs, concurrency], …],
 * exhausted hosts JSON.
 * Returns {claimed, needPolicy}: claimed rows [url, requestUrl, host, source, depth, kind, attempts, from, delay,
 * concurrency, etag, lastModified, snapshotId, fetchCount] (validators '' when absent); needPolicy: groups at the head of the queue whose host has no policy stored yet (the caller asks
 * policyFor and calls again with it). Each URL handed out costs a few O(log n) sorted-set steps.
 */
export const CLAIM = `
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
export const SET_POLICY = `
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

/** ARGV: P, host, now, delayMs. Returns the start booked (≥ now, ≥ the host's next allowed start); the next moves past it. */
export const BOOK_START = `
local hk = P .. 'h:' .. ARGV[2]
local h = redis.call('HMGET', hk, 'next', 'delay')
local at = math.max(tonumber(ARGV[3]), num(h[1], 0))
local delay = math.max(tonumber(ARGV[4]), num(h[2], 0))
redis.call('HSET', hk, 'next', fmt(at + delay))
return fmt(at)
`;
