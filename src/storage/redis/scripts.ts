import { LUA_LIB } from './lua.js';
import { BOOK_START, CLAIM, SET_POLICY } from './scripts-claim.js';
import { FINISH, RECLAIM, RENEW, RETRY } from './scripts-leases.js';
import { OBSERVE_PARAMS } from './scripts-params.js';

/**
 * The frontier's Lua scripts: every change touching more than one key is one of these, so it is atomic in Redis
 * (a script runs alone). Each is registered with ioredis defineCommand (EVALSHA, falling back to EVAL once after a
 * restart) and takes the key prefix as ARGV[1]; the shared functions are in lua.ts. Here: adding URLs, requeueing,
 * lineage and takedown rules, and the registry of every script; claiming is in scripts-claim.ts, leases in
 * scripts-leases.ts, parameter learning in scripts-params.ts.
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
