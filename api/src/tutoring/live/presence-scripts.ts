/** The Lua scripts of tutor presence: going available or not, heartbeats, and sweeping silent tutors. */
import { FREE_POOLS, NOW, UNAVAILABLE, type LuaScript } from './lua-snippets';

/**
 * KEYS tutor, online; ARGV tutorId, base, skillsCsv. Goes available for these skills (replacing the previous
 * list) with a fresh heartbeat. Returns the heartbeat (ms).
 */
export const SET_AVAILABLE: LuaScript = {
  keys: 2,
  lua: `${NOW}${FREE_POOLS}
local base, id = ARGV[2], ARGV[1]
remove_from_free_pools(base, KEYS[1], id)
for skill in string.gmatch(redis.call('HGET', KEYS[1], 'skills') or '', '[^,]+') do
  redis.call('SREM', base .. 'avail:' .. skill, id)
end
if not redis.call('HGET', KEYS[1], 'state') then redis.call('HSET', KEYS[1], 'state', 'FREE', 'lastOffer', 0) end
redis.call('HSET', KEYS[1], 'available', '1', 'skills', ARGV[3])
local now = now_ms()
redis.call('ZADD', KEYS[2], now, id)
for skill in string.gmatch(ARGV[3], '[^,]+') do redis.call('SADD', base .. 'avail:' .. skill, id) end
add_to_free_pools(base, KEYS[1], KEYS[2], id, now)
return now`,
};

/** KEYS tutor, online; ARGV tutorId, base. Stops being offered anything (a pending offer still stands). */
export const SET_UNAVAILABLE: LuaScript = {
  keys: 2,
  lua: `${FREE_POOLS}${UNAVAILABLE}
if not redis.call('HGET', KEYS[1], 'state') then return 0 end
set_unavailable(ARGV[2], KEYS[1], KEYS[2], ARGV[1])
return 1`,
};

/** KEYS tutor, online; ARGV tutorId. Renews an available tutor's heartbeat; returns it (ms) or 0 if not available. */
export const HEARTBEAT: LuaScript = {
  keys: 2,
  lua: `${NOW}
if redis.call('HGET', KEYS[1], 'available') ~= '1' then return 0 end
local now = now_ms()
redis.call('ZADD', KEYS[2], now, ARGV[1])
return now`,
};

/**
 * KEYS online; ARGV tutorIds. Renews the heartbeats of those of the tutors who are available (the online set
 * holds exactly the available tutors: SET_AVAILABLE adds, set_unavailable removes), in one call for a
 * whole batch — what the api's HeartbeatBatcher sends. Returns how many it renewed. Each ZADD gets at most
 * 500 tutors (Lua's unpack is bounded by the C stack).
 */
export const HEARTBEAT_MANY: LuaScript = {
  keys: 1,
  lua: `${NOW}
local now, n = now_ms(), 0
for i = 1, #ARGV, 500 do
  local pairs = {}
  for j = i, math.min(i + 499, #ARGV) do
    pairs[#pairs + 1] = now
    pairs[#pairs + 1] = ARGV[j]
  end
  n = n + redis.call('ZADD', KEYS[1], 'XX', 'CH', unpack(pairs))
end
return n`,
};

/** KEYS online; ARGV base, heartbeatTimeoutMs, limit. Makes silent tutors unavailable; returns their ids. */
export const SWEEP_SILENT_TUTORS: LuaScript = {
  keys: 1,
  lua: `${NOW}${FREE_POOLS}${UNAVAILABLE}
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now_ms() - tonumber(ARGV[2])), 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do set_unavailable(ARGV[1], ARGV[1] .. 'tutor:' .. id, KEYS[1], id) end
return ids`,
};
