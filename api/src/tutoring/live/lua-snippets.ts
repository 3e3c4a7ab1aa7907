/**
 * Building blocks of the tutoring Lua scripts (claim-scripts.ts, presence-scripts.ts). Time comes from the
 * Redis clock (TIME), so every api and worker instance compares deadlines and heartbeats against one clock.
 * Per-skill keys are built from ARGV `base` (see tutoring-keys.ts: all keys share one hash slot).
 */

export interface LuaScript {
  keys: number;
  lua: string;
}

/** The Redis clock in ms. */
export const NOW = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;

/** Puts a FREE, available, online tutor back into (or takes one out of) the free pool of each skill. */
export const FREE_POOLS = `
local function add_to_free_pools(base, tutor_key, online_key, id, cutoff)
  local t = redis.call('HMGET', tutor_key, 'available', 'skills', 'lastOffer', 'state')
  if t[1] ~= '1' or t[4] ~= 'FREE' then return end
  local hb = redis.call('ZSCORE', online_key, id)
  if not hb or tonumber(hb) < cutoff then return end
  for skill in string.gmatch(t[2] or '', '[^,]+') do
    redis.call('ZADD', base .. 'free:' .. skill, tonumber(t[3] or '0'), id)
  end
end
local function remove_from_free_pools(base, tutor_key, id)
  local skills = redis.call('HGET', tutor_key, 'skills')
  for skill in string.gmatch(skills or '', '[^,]+') do
    redis.call('ZREM', base .. 'free:' .. skill, id)
  end
end
`;

/** Makes a tutor unavailable: out of the free pools and skill sets, heartbeat dropped. */
export const UNAVAILABLE = `
local function set_unavailable(base, tutor_key, online_key, id)
  remove_from_free_pools(base, tutor_key, id)
  for skill in string.gmatch(redis.call('HGET', tutor_key, 'skills') or '', '[^,]+') do
    redis.call('SREM', base .. 'avail:' .. skill, id)
  end
  redis.call('HSET', tutor_key, 'available', '0')
  redis.call('ZREM', online_key, id)
end
`;

/**
 * The accept of a held offer (ACCEPT_OFFER, ACCEPT_OFFER_BY_ID; needs NOW): only if this offer still holds
 * the request and the tutor and is before its deadline, the request becomes MATCHED and leaves its line and
 * the tutor BUSY in the session. Returns the offer's fence, or -1 not held by this offer, -2 past the
 * deadline.
 */
export const ACCEPT_HELD = `
local function accept_held(req_key, tutor_key, line_key, offer_id, request_id, tutor_id, session_id)
  local r = redis.call('HMGET', req_key, 'state', 'offer', 'tutor', 'deadline', 'fence')
  local t = redis.call('HMGET', tutor_key, 'state', 'offer')
  if r[1] ~= 'OFFERED' or r[2] ~= offer_id or r[3] ~= tutor_id or t[1] ~= 'OFFERED' or t[2] ~= offer_id then
    return -1
  end
  if tonumber(r[4]) < now_ms() then return -2 end
  redis.call('HSET', req_key, 'state', 'MATCHED')
  redis.call('HSET', tutor_key, 'state', 'BUSY', 'session', session_id)
  redis.call('HDEL', tutor_key, 'offer', 'request')
  redis.call('ZREM', line_key, request_id)
  return tonumber(r[5])
end
`;
