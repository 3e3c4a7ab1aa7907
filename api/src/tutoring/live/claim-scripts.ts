/**
 * The Lua scripts that change the request lines and claims atomically (docs/tutoring.md, "Claims"). Each
 * runs alone on the Redis server, so "check the request is WAITING and the tutor FREE, then hold both" can
 * never interleave with another claim, accept, decline or time-out.
 */
import { ACCEPT_HELD, FREE_POOLS, NOW, type LuaScript } from './lua-snippets';

/**
 * KEYS req, line, waiting, waitingSkills, learnerMark, tickAsked, available, free; ARGV id, skill, learner,
 * createdMs, tickAskedTtlMs (0: leave the flag alone). Joins (or rejoins) the line unless the request is
 * already held by an offer or a session. Returns {0} (not joined), or {status, rank in line (from 0), tutors
 * available in the skill, of them free} with status 1 (joined; a tick of its shard is already asked for and
 * has not begun, so it will see this request) or 2 (joined; the caller asks for the tick) — the learner's
 * view of the new request comes back with the join instead of in three more reads. TICK_START clears the flag.
 */
export const ENQUEUE_REQUEST: LuaScript = {
  keys: 8,
  lua: `
local st = redis.call('HGET', KEYS[1], 'state')
if st == 'OFFERED' or st == 'MATCHED' then return {0} end
redis.call('HSET', KEYS[1], 'state', 'WAITING', 'skill', ARGV[2], 'learner', ARGV[3], 'created', ARGV[4])
redis.call('HDEL', KEYS[1], 'offer', 'tutor', 'deadline')
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[2])
redis.call('SET', KEYS[5], ARGV[1])
local status = 2
if ARGV[5] ~= '0' and not redis.call('SET', KEYS[6], '1', 'NX', 'PX', ARGV[5]) then status = 1 end
return {status, redis.call('ZRANK', KEYS[2], ARGV[1]), redis.call('SCARD', KEYS[7]), redis.call('ZCARD', KEYS[8])}`,
};

/**
 * KEYS req, tutor, waiting, online, fence, deadlines, offer, tutorLearnerMark;
 * ARGV requestId, tutorId, offerId, ttlMs, heartbeatTimeoutMs, base.
 * The exclusive claim: holds a WAITING request and a FREE, available, online tutor who is not waiting for help
 * themselves, under a new fencing token. Returns {fence, deadlineMs}, or {code} with code -1 request not
 * waiting, -2 tutor not free, -3 tutor silent, -4 tutor is waiting for help.
 */
export const CLAIM_OFFER: LuaScript = {
  keys: 8,
  lua: `${NOW}${FREE_POOLS}
if redis.call('HGET', KEYS[1], 'state') ~= 'WAITING' then return {-1} end
local t = redis.call('HMGET', KEYS[2], 'state', 'available')
if t[1] ~= 'FREE' or t[2] ~= '1' then return {-2} end
local now = now_ms()
local hb = redis.call('ZSCORE', KEYS[4], ARGV[2])
if not hb or tonumber(hb) < now - tonumber(ARGV[5]) then return {-3} end
if redis.call('EXISTS', KEYS[8]) == 1 then return {-4} end
local fence = redis.call('INCR', KEYS[5])
local deadline = now + tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'state', 'OFFERED', 'fence', fence, 'offer', ARGV[3], 'tutor', ARGV[2], 'deadline', deadline)
redis.call('ZREM', KEYS[3], ARGV[1])
remove_from_free_pools(ARGV[6], KEYS[2], ARGV[2])
redis.call('HSET', KEYS[2], 'state', 'OFFERED', 'fence', fence, 'offer', ARGV[3], 'request', ARGV[1], 'lastOffer', now)
redis.call('ZADD', KEYS[6], deadline, ARGV[3])
redis.call('HSET', KEYS[7], 'request', ARGV[1], 'tutor', ARGV[2], 'fence', fence)
return {fence, deadline}`,
};

/**
 * KEYS req, tutor, waitingSkills, deadlines, offer, online; ARGV offerId, requestId, tutorId, base,
 * heartbeatTimeoutMs. Ends an offer that was declined, timed out, withdrawn or never reached Postgres: the
 * request goes back to WAITING with its original place in line and the tutor back to FREE — each only if
 * still held by this offer. Returns 'released', 'matched' (an accept holds the request: left alone) or 'gone'.
 */
export const RELEASE_OFFER: LuaScript = {
  keys: 6,
  lua: `${NOW}${FREE_POOLS}
local r = redis.call('HMGET', KEYS[1], 'state', 'offer', 'skill', 'created')
local result = 'gone'
if r[2] == ARGV[1] then
  if r[1] == 'MATCHED' then return 'matched' end
  if r[1] == 'OFFERED' then
    redis.call('HSET', KEYS[1], 'state', 'WAITING')
    redis.call('HDEL', KEYS[1], 'offer', 'tutor', 'deadline')
    redis.call('ZADD', ARGV[4] .. 'waiting:' .. r[3], tonumber(r[4]), ARGV[2])
    redis.call('SADD', KEYS[3], r[3])
    result = 'released'
  end
end
local t = redis.call('HMGET', KEYS[2], 'state', 'offer')
if t[1] == 'OFFERED' and t[2] == ARGV[1] then
  redis.call('HSET', KEYS[2], 'state', 'FREE')
  redis.call('HDEL', KEYS[2], 'offer', 'request')
  add_to_free_pools(ARGV[4], KEYS[2], KEYS[6], ARGV[3], now_ms() - tonumber(ARGV[5]))
end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('DEL', KEYS[5])
return result`,
};

/**
 * KEYS req, tutor, line; ARGV offerId, requestId, tutorId, sessionId.
 * The tutor takes the offer before its deadline: request MATCHED, tutor BUSY. The deadline entry stays as the
 * safety net should the Postgres confirmation never happen. Returns the fence, or -1 not held by this offer,
 * -2 past the deadline.
 */
export const ACCEPT_OFFER: LuaScript = {
  keys: 3,
  lua: `${NOW}${ACCEPT_HELD}
return accept_held(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[4])`,
};

/**
 * KEYS offer, tutor; ARGV offerId, tutorId, sessionId, base.
 * ACCEPT_OFFER for a caller who knows only the offer and the tutor: the offer's claim record names the
 * request, whose hash names the skill (its line) and the learner, so an accept needs no Postgres read
 * before its claim. Returns {fence, requestId, skill, learnerId}, or {-1} not held by this offer, {-2} past
 * the deadline, {-3} Redis lacks the claim record for this tutor or the request's skill and learner (the
 * caller asks Postgres instead).
 */
export const ACCEPT_OFFER_BY_ID: LuaScript = {
  keys: 2,
  lua: `${NOW}${ACCEPT_HELD}
local o = redis.call('HMGET', KEYS[1], 'request', 'tutor')
if not o[1] or o[2] ~= ARGV[2] then return {-3} end
local req = ARGV[4] .. 'req:' .. o[1]
local s = redis.call('HMGET', req, 'skill', 'learner')
if not s[1] or not s[2] or s[2] == '' then return {-3} end
local fence = accept_held(req, KEYS[2], ARGV[4] .. 'line:' .. s[1], ARGV[1], o[1], ARGV[2], ARGV[3])
if fence < 0 then return {fence} end
return {fence, o[1], s[1], s[2]}`,
};

/**
 * KEYS req, tutor, line; ARGV offerId, requestId, tutorId, sessionId (as ACCEPT_OFFER).
 * Takes back this accept's own hold (the tutor BUSY in exactly this session, the request MATCHED by exactly
 * this offer) after Postgres refused it: both are OFFERED again and the request back in line at its original
 * place. Restores never move an accepted claim back to OFFERED themselves (see RESTORE_*), so a refused
 * accept says so here.
 */
export const UNDO_ACCEPT: LuaScript = {
  keys: 3,
  lua: `
local t = redis.call('HMGET', KEYS[2], 'state', 'session')
if t[1] == 'BUSY' and t[2] == ARGV[4] then
  redis.call('HSET', KEYS[2], 'state', 'OFFERED', 'offer', ARGV[1], 'request', ARGV[2])
  redis.call('HDEL', KEYS[2], 'session')
end
local r = redis.call('HMGET', KEYS[1], 'state', 'offer', 'tutor', 'created')
if r[1] == 'MATCHED' and r[2] == ARGV[1] and r[3] == ARGV[3] then
  redis.call('HSET', KEYS[1], 'state', 'OFFERED')
  if r[4] then redis.call('ZADD', KEYS[3], r[4], ARGV[2]) end
end
return 1`,
};

/**
 * KEYS req, line, waiting, waitingSkills, learnerMark, deadlines; ARGV requestId, pgState, skill, learner,
 * createdMs, pgFence, offerId, tutorId, deadlineMs. Makes Redis agree with Postgres for one request — unless
 * Redis holds a newer claim (a fence above Postgres's) still in flight, which its own deadline will settle,
 * or Redis has the request MATCHED by the very claim Postgres still calls OFFERED: that accept is on its way
 * to Postgres (a read taken just before it committed must not undo it; a refused accept undoes itself,
 * UNDO_ACCEPT). An OFFERED request gets its offer's deadline back in the sweep's ZSET: a read taken just
 * before a time-out or decline committed may revive an offer that was already released, and only the
 * deadline brings the sweep back to end it again (without it the request stayed OFFERED in Redis, out of
 * line, for good — found by bench/matching under thousands of time-outs). Returns 1/0.
 */
export const RESTORE_REQUEST: LuaScript = {
  keys: 6,
  lua: `
local cur = redis.call('HMGET', KEYS[1], 'state', 'fence')
if (cur[1] == 'OFFERED' or cur[1] == 'MATCHED') and tonumber(cur[2] or '0') > tonumber(ARGV[6]) then return 0 end
if cur[1] == 'MATCHED' and ARGV[2] == 'OFFERED' and tonumber(cur[2] or '0') >= tonumber(ARGV[6]) then return 0 end
local st = ARGV[2]
if st == 'WAITING' or st == 'OFFERED' or st == 'MATCHED' then
  redis.call('HSET', KEYS[1], 'state', st, 'skill', ARGV[3], 'learner', ARGV[4], 'created', ARGV[5], 'fence', ARGV[6])
  redis.call('SET', KEYS[5], ARGV[1])
else
  redis.call('DEL', KEYS[1])
  if redis.call('GET', KEYS[5]) == ARGV[1] then redis.call('DEL', KEYS[5]) end
end
if st == 'OFFERED' then
  redis.call('HSET', KEYS[1], 'offer', ARGV[7], 'tutor', ARGV[8], 'deadline', ARGV[9])
  if ARGV[7] ~= '' then redis.call('ZADD', KEYS[6], ARGV[9], ARGV[7]) end
elseif st == 'WAITING' or st == 'MATCHED' then
  redis.call('HDEL', KEYS[1], 'offer', 'tutor', 'deadline')
end
if st == 'WAITING' or st == 'OFFERED' then redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
else redis.call('ZREM', KEYS[2], ARGV[1]) end
if st == 'WAITING' then
  redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1])
  redis.call('SADD', KEYS[4], ARGV[3])
else redis.call('ZREM', KEYS[3], ARGV[1]) end
return 1`,
};

/**
 * KEYS tutor, online; ARGV tutorId, base, pgState (FREE|OFFERED|BUSY), offerId, requestId, sessionId, pgFence,
 * heartbeatTimeoutMs. Makes a tutor's Redis state agree with Postgres, unless a newer claim is in flight — or
 * the tutor is BUSY under the very claim Postgres still calls OFFERED (an accept on its way; see
 * RESTORE_REQUEST).
 */
export const RESTORE_TUTOR: LuaScript = {
  keys: 2,
  lua: `${NOW}${FREE_POOLS}
local cur = redis.call('HMGET', KEYS[1], 'state', 'fence')
if (cur[1] == 'OFFERED' or cur[1] == 'BUSY') and tonumber(cur[2] or '0') > tonumber(ARGV[7]) then return 0 end
if cur[1] == 'BUSY' and ARGV[3] == 'OFFERED' and tonumber(cur[2] or '0') >= tonumber(ARGV[7]) then return 0 end
if not cur[1] and ARGV[3] == 'FREE' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[3], 'fence', ARGV[7])
redis.call('HDEL', KEYS[1], 'offer', 'request', 'session')
if ARGV[3] == 'OFFERED' then redis.call('HSET', KEYS[1], 'offer', ARGV[4], 'request', ARGV[5]) end
if ARGV[3] == 'BUSY' then redis.call('HSET', KEYS[1], 'session', ARGV[6]) end
if ARGV[3] == 'FREE' then
  add_to_free_pools(ARGV[2], KEYS[1], KEYS[2], ARGV[1], now_ms() - tonumber(ARGV[8]))
else
  remove_from_free_pools(ARGV[2], KEYS[1], ARGV[1])
end
return 1`,
};

/** KEYS tutor, online; ARGV tutorId, base, sessionId, heartbeatTimeoutMs. BUSY in this session → FREE. */
export const FREE_TUTOR_AFTER_SESSION: LuaScript = {
  keys: 2,
  lua: `${NOW}${FREE_POOLS}
local t = redis.call('HMGET', KEYS[1], 'state', 'session')
if t[1] ~= 'BUSY' or t[2] ~= ARGV[3] then return 0 end
redis.call('HSET', KEYS[1], 'state', 'FREE')
redis.call('HDEL', KEYS[1], 'session')
add_to_free_pools(ARGV[2], KEYS[1], KEYS[2], ARGV[1], now_ms() - tonumber(ARGV[4]))
return 1`,
};

/** KEYS req, line, waiting, learnerMark; ARGV requestId. The request left the line for good. */
export const CLOSE_REQUEST: LuaScript = {
  keys: 4,
  lua: `
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
if redis.call('GET', KEYS[4]) == ARGV[1] then redis.call('DEL', KEYS[4]) end
return 1`,
};

/** KEYS deadlines; ARGV limit. Offer ids whose deadline has passed on the Redis clock. */
export const DUE_DEADLINES: LuaScript = {
  keys: 1,
  lua: `${NOW}
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now_ms(), 'LIMIT', 0, tonumber(ARGV[1]))`,
};

/** KEYS waitingSkills; ARGV base. Skills with waiting requests; drops the others from the set. */
export const WAITING_SKILLS: LuaScript = {
  keys: 1,
  lua: `
local out = {}
for _, skill in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('ZCARD', ARGV[1] .. 'waiting:' .. skill) > 0 then table.insert(out, skill)
  else redis.call('SREM', KEYS[1], skill) end
end
return out`,
};

/**
 * One skill's view for a tick: its oldest batchMax + 1 waiting requests (id, created ms) and, for a batch
 * of n, the n + poolExtra free tutors at the front of its pool (id, heartbeat ms; '' when not heartbeating).
 */
const SKILL_SNAPSHOT = `
local function skill_snapshot(waiting_key, free_key, online_key, batch_max, pool_extra)
  local waiting = redis.call('ZRANGE', waiting_key, 0, batch_max, 'WITHSCORES')
  local n = math.min(#waiting / 2, batch_max)
  local tutors = {}
  if n > 0 then
    for _, id in ipairs(redis.call('ZRANGE', free_key, 0, n + pool_extra - 1)) do
      table.insert(tutors, id)
      table.insert(tutors, redis.call('ZSCORE', online_key, id) or '')
    end
  end
  return waiting, tutors
end
`;

/**
 * KEYS waiting, free, online; ARGV batchMax, poolExtra. One skill's view for a tick in one round trip: the
 * Redis clock and SKILL_SNAPSHOT.
 */
export const TICK_SNAPSHOT: LuaScript = {
  keys: 3,
  lua: `${NOW}${SKILL_SNAPSHOT}
local waiting, tutors = skill_snapshot(KEYS[1], KEYS[2], KEYS[3], tonumber(ARGV[1]), tonumber(ARGV[2]))
return {tostring(now_ms()), waiting, tutors}`,
};

/**
 * KEYS waitingSkills, tickAsked, online; ARGV base, shard, shards, batchMax, poolExtraMax, poolExtraMin,
 * sparePerTick. The start of a shard's tick in one round trip: clears the shard's tickAsked flag (so
 * requests joining from now on ask for the next tick), drops skills with nobody waiting from waitingSkills,
 * and returns the Redis clock and SKILL_SNAPSHOT of each of the shard's skills with requests waiting, as
 * {clock, {skill, waiting, tutors}...}. The tick's spare tutors are shared out: each skill gets
 * sparePerTick / (its number of skills), kept within [poolExtraMin, poolExtraMax] (matching.service.ts,
 * POOL_SPARES). A skill's shard is the first four bytes of the SHA-1 of its slug, modulo shards —
 * matchingShard().
 */
export const TICK_START: LuaScript = {
  keys: 3,
  lua: `${NOW}${SKILL_SNAPSHOT}
redis.call('DEL', KEYS[2])
local base, shard, shards = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local skills = {}
for _, skill in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('ZCARD', base .. 'waiting:' .. skill) == 0 then
    redis.call('SREM', KEYS[1], skill)
  elseif tonumber(string.sub(redis.sha1hex(skill), 1, 8), 16) % shards == shard then
    table.insert(skills, skill)
  end
end
local extra = math.max(tonumber(ARGV[6]), math.min(tonumber(ARGV[5]),
  math.floor(tonumber(ARGV[7]) / math.max(#skills, 1))))
local out = {}
for _, skill in ipairs(skills) do
  local waiting, tutors = skill_snapshot(base .. 'waiting:' .. skill, base .. 'free:' .. skill, KEYS[3],
    tonumber(ARGV[4]), extra)
  table.insert(out, {skill, waiting, tutors})
end
return {tostring(now_ms()), out}`,
};
