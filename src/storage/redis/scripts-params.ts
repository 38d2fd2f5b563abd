/**
 * The frontier's Lua scripts for parameter learning (scripts.ts has the registry): one page's parameter evidence
 * recorded and decided, and the queued URLs carrying a parameter learned ignorable made aliases of their plain URL.
 */

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
export const OBSERVE_PARAMS = `${ALIAS_QUEUED}
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
