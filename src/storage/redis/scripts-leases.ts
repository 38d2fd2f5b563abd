/**
 * The frontier's Lua scripts for leases (scripts.ts has the registry): what a lease-holder does with a claimed URL
 * (finish it, retry it later, renew its lease), the run tally a finished page adds, and expired leases reclaimed.
 */

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
export const FINISH = `${HELD}${TALLY}
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
export const RETRY = `${HELD}${TALLY}
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
export const RECLAIM = `
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
export const RENEW = `
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
