/**
 * Lua scripts of the Redis queue store, and the key layout they share. Like
 * the hold store's (lib/inventory/redis/scripts.ts), every key of one event
 * starts with the hash tag `{evt:<eventId>}`, so a script touches one Redis
 * Cluster slot; times are the application's milliseconds, passed in ARGV.
 *
 * Layout, for event E:
 *   {evt:E}:q:line        ZSET  userId -> rank, fans still waiting (ZRANK is their position - 1)
 *   {evt:E}:q:live        ZSET  userId -> expiresAt, admitted fans whose turn is not spent
 *   {evt:E}:q:admitted    ZSET  admissionId -> admittedAt, the last hour's admissions (the measured rate)
 *   {evt:E}:q:fan:<user>  HASH  rank, lobby, joinedAt, admittedAt, expiresAt, admissionId, usedAt
 *   {evt:E}:q:seq         STRING the last arrival number given out (and admission number)
 *   {evt:E}:q:control     HASH  soldOut, paused, ratePerMinute, admittedPerMinute
 * Every key written is kept for RETAIN_MS after its last write (an event's
 * queue outlives its on-sale by days at most).
 */

export const RETAIN_MS = 7 * 24 * 60 * 60 * 1000;

export function queueKeys(eventId: string) {
  const tag = `{evt:${eventId}}:q:`;
  return {
    line: `${tag}line`,
    live: `${tag}live`,
    admitted: `${tag}admitted`,
    seq: `${tag}seq`,
    control: `${tag}control`,
    /** Carries the hash tag; ADMIT builds fans' key names from it. */
    fanPrefix: `${tag}fan:`,
    fan: (userId: string) => `${tag}fan:${userId}`,
  };
}

const RETAIN = `
local function retain(...)
  for _, key in ipairs({...}) do redis.call('PEXPIRE', key, ${RETAIN_MS}) end
end
`;

/** KEYS: line, live, fan, seq. ARGV: userId, now, lobby (0/1), lobbyRank, deferral. Returns 1 when it (re)joined. */
export const JOIN = `${RETAIN}
local line, live, fan, seq = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local userId, now, lobby, lobbyRank = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
if redis.call('EXISTS', fan) == 1 then
  local admittedAt, expiresAt, usedAt = unpack(redis.call('HMGET', fan, 'admittedAt', 'expiresAt', 'usedAt'))
  -- Waiting, or admitted with the turn still live: nothing changes.
  if not admittedAt or (not usedAt and tonumber(expiresAt) > now) then return 0 end
  redis.call('ZREM', live, userId)
  redis.call('DEL', fan)
end
local rank = lobbyRank
if lobby ~= '1' then rank = tostring(redis.call('INCR', seq) + tonumber(ARGV[5])) end
redis.call('HSET', fan, 'rank', rank, 'lobby', lobby, 'joinedAt', ARGV[2])
redis.call('ZADD', line, rank, userId)
retain(line, fan, seq)
return 1`;

/** KEYS: fan, line. ARGV: userId. Returns the fan's fields (flat) and their 0-based ZRANK, or -1. */
export const ENTRY = `
local fields = redis.call('HGETALL', KEYS[1])
if #fields == 0 then return {} end
local rank = redis.call('ZRANK', KEYS[2], ARGV[1])
return {fields, rank or -1}`;

/**
 * KEYS: line, live, admitted, seq. ARGV: count, now, expiresAt, fanPrefix. Returns the admitted user ids, in line order.
 * Admission ids are "<arrival counter>-<admittedAt>": unique per event, and never reused by a later turn.
 */
export const ADMIT = `${RETAIN}
local line, live, admitted, seq = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local count, now, expiresAt, fanPrefix = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4]
local users = redis.call('ZRANGE', line, 0, count - 1)
for _, userId in ipairs(users) do
  local admissionId = tostring(redis.call('INCR', seq)) .. '-' .. now
  local fan = fanPrefix .. userId
  redis.call('HSET', fan, 'admittedAt', now, 'expiresAt', expiresAt, 'admissionId', admissionId)
  redis.call('ZREM', line, userId)
  redis.call('ZADD', live, expiresAt, userId)
  redis.call('ZADD', admitted, now, admissionId)
  retain(fan)
end
if #users > 0 then
  redis.call('ZREMRANGEBYSCORE', admitted, '-inf', string.format('%d', tonumber(now) - 3600000))
  retain(live, admitted, seq)
end
return users`;

/** KEYS: fan, live. ARGV: userId, admissionId, now. Returns 1 when the live admission was spent now. */
export const CONSUME = `
local admissionId, expiresAt, usedAt = unpack(redis.call('HMGET', KEYS[1], 'admissionId', 'expiresAt', 'usedAt'))
if admissionId ~= ARGV[2] or usedAt or tonumber(expiresAt) <= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], 'usedAt', ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`;

/** KEYS: fan, live. ARGV: userId, admissionId. */
export const RESTORE = `
local admissionId, expiresAt, usedAt = unpack(redis.call('HMGET', KEYS[1], 'admissionId', 'expiresAt', 'usedAt'))
if admissionId ~= ARGV[2] or not usedAt then return 0 end
redis.call('HDEL', KEYS[1], 'usedAt')
redis.call('ZADD', KEYS[2], expiresAt, ARGV[1])
return 1`;

/** KEYS: line. The fans still waiting, in line order. */
export const WAITING_LINE = `return redis.call('ZRANGE', KEYS[1], 0, -1)`;

/** KEYS: fan, live. ARGV: userId, now. Returns 1 when a spent turn whose window is live was given back. */
export const REOPEN = `
local expiresAt, usedAt = unpack(redis.call('HMGET', KEYS[1], 'expiresAt', 'usedAt'))
if not usedAt or tonumber(expiresAt) <= tonumber(ARGV[2]) then return 0 end
redis.call('HDEL', KEYS[1], 'usedAt')
redis.call('ZADD', KEYS[2], expiresAt, ARGV[1])
return 1`;

/** KEYS: line, live, admitted. ARGV: now, since. Returns {waiting, outstanding, admittedSince, firstAdmittedAt or -1}. */
export const STATS = `
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
local first = redis.call('ZRANGEBYSCORE', KEYS[3], ARGV[2], '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
return {
  redis.call('ZCARD', KEYS[1]),
  redis.call('ZCARD', KEYS[2]),
  redis.call('ZCOUNT', KEYS[3], ARGV[2], '+inf'),
  first[2] or '-1',
}`;

/** KEYS: control. ARGV: field, value, … (a value of "" deletes the field). Returns the hash. */
export const CONTROL = `
for i = 1, #ARGV, 2 do
  if ARGV[i + 1] == '' then redis.call('HDEL', KEYS[1], ARGV[i]) else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
if #ARGV > 0 then redis.call('PEXPIRE', KEYS[1], ${RETAIN_MS}) end
return redis.call('HGETALL', KEYS[1])`;
