/**
 * Lua scripts of the Redis hold store, and the key layout they share.
 *
 * Every key of one event starts with the hash tag `{evt:<eventId>}`, so an
 * event's keys live in one Redis Cluster slot and each script (which only ever
 * touches one event) runs on one node. Times are milliseconds since the epoch
 * from the application's clock, passed in ARGV: a hold has lapsed once its
 * expiry is <= now, exactly as in the PostgreSQL store. Redis's own clock only
 * drives key TTLs, which are garbage collection, never the decision.
 *
 * Layout, for event E:
 *   {evt:E}:seat:<seatId>          STRING  holdId owning the seat; PX expiresAt - now
 *   {evt:E}:seats                  ZSET    seatId -> expiresAt (index, so listing needs no SCAN)
 *   {evt:E}:ga-types               ZSET    ticketTypeId -> latest expiresAt of its holds
 *   {evt:E}:ga:<ticketTypeId>:holds      ZSET    holdId -> expiresAt
 *   {evt:E}:ga:<ticketTypeId>:quantities HASH    holdId -> quantity
 *   {evt:E}:ga:<ticketTypeId>:total      STRING  sum of `quantities`
 *   {evt:E}:fan:<userId>:holds           ZSET    holdId -> expiresAt (the fan's live holds of E)
 *   {evt:E}:fan:<userId>:quantities      HASH    holdId -> tickets in that hold (for the per-fan limit)
 * Each collection key expires when the latest expiry it holds passes; lapsed
 * members are removed lazily by whichever script next reads the collection.
 */

/** Suffixes of one GA ticket type's keys, in the order the scripts take them. */
const GA_KEY_SUFFIXES = [":holds", ":quantities", ":total"] as const;

export function holdKeys(eventId: string) {
  const tag = `{evt:${eventId}}`;
  const gaPrefix = `${tag}:ga:`;
  return {
    seatIndex: `${tag}:seats`,
    seat: (seatId: string) => `${tag}:seat:${seatId}`,
    gaTypes: `${tag}:ga-types`,
    /** Carries the hash tag; HELD_QUANTITIES builds per-type key names from it. */
    gaPrefix,
    ga: (ticketTypeId: string) => GA_KEY_SUFFIXES.map((suffix) => `${gaPrefix}${ticketTypeId}${suffix}`),
    /** The fan's live holds of this event and their sizes; an unknown fan gets keys nobody writes. */
    fan: (userId: string | undefined) => [`${tag}:fan:${userId ?? ""}:holds`, `${tag}:fan:${userId ?? ""}:quantities`],
  };
}

/** Helpers shared by the scripts below. Lua numbers are doubles; `int` keeps big ms values out of exponent form. */
const HELPERS = `
local function int(x)
  return string.format('%d', x)
end

-- Makes the given keys expire when the latest score in zset \`index\` passes.
-- Returns false, touching nothing, when the index is empty (Redis already deleted it).
local function expireWithLatest(now, index, ...)
  local latest = redis.call('ZRANGE', index, -1, -1, 'WITHSCORES')
  if #latest == 0 then return false end
  local ttl = int(math.max(1, math.ceil(tonumber(latest[2]) - now)))
  redis.call('PEXPIRE', index, ttl)
  for _, key in ipairs({...}) do redis.call('PEXPIRE', key, ttl) end
  return true
end

-- Stores the running total of one GA ticket type and keeps its three keys' TTLs on the latest hold.
local function storeGaTotal(holds, quantities, total, held, now)
  if redis.call('ZCARD', holds) == 0 then
    redis.call('DEL', quantities, total)
    return
  end
  redis.call('SET', total, int(math.max(held, 0)))
  expireWithLatest(now, holds, quantities, total)
end

-- Drops the lapsed holds of one GA ticket type; returns what live holds hold.
local function pruneGa(holds, quantities, total, now)
  local held = tonumber(redis.call('GET', total) or '0')
  local lapsed = redis.call('ZRANGEBYSCORE', holds, '-inf', int(now))
  if #lapsed == 0 then return held end
  for _, holdId in ipairs(lapsed) do
    held = held - tonumber(redis.call('HGET', quantities, holdId) or '0')
    redis.call('HDEL', quantities, holdId)
  end
  redis.call('ZREMRANGEBYSCORE', holds, '-inf', int(now))
  storeGaTotal(holds, quantities, total, held, now)
  return math.max(held, 0)
end
`;

/**
 * `takeAll`: the body of ACQUIRE and PLACE. Takes every requested seat and GA
 * quantity for one hold, or nothing. Taking again with the same holdId renews
 * the hold: its own seats are not a conflict and its own GA quantity is
 * replaced, not added. `k` is the index of the seat index key in KEYS (then
 * gaTypes, the seat keys, the GA triples); `a` the index of holdId in ARGV
 * (then now, expiresAt, seatCount, the seat ids, the GA quadruples).
 * Returns { unavailable seat ids, unavailable ticket type ids }; both empty means taken.
 */
const TAKE_ALL = `
local function takeAll(k, a)
  local holdId, nowArg, expiresAtArg = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  local now, expiresAt = tonumber(nowArg), tonumber(expiresAtArg)
  local seatCount = tonumber(ARGV[a + 3])
  local gaCount = (#ARGV - (a + 3) - seatCount) / 4
  local seatIndex, gaTypes = KEYS[k], KEYS[k + 1]
  local s0, g0 = k + 1, k + 1 + seatCount -- seat i is KEYS[s0 + i]; GA j's keys follow KEYS[g0 + (j-1)*3]
  local sa, ga = a + 3, a + 3 + seatCount -- seat i is ARGV[sa + i]; GA j's args follow ARGV[ga + (j-1)*4]

  -- Check everything first: removing lapsed entries is the only write before the decision.
  redis.call('ZREMRANGEBYSCORE', seatIndex, '-inf', nowArg)
  local takenSeats = {}
  for i = 1, seatCount do
    local seatId = ARGV[sa + i]
    local owner = redis.call('GET', KEYS[s0 + i])
    if owner and owner ~= holdId then
      -- The key may outlive the hold by a few ms of clock skew; the index's expiry decides.
      local heldUntil = redis.call('ZSCORE', seatIndex, seatId)
      if heldUntil and tonumber(heldUntil) > now then takenSeats[#takenSeats + 1] = seatId end
    end
  end

  local othersHeld = {}
  local takenTypes = {}
  for j = 1, gaCount do
    local kj, aj = g0 + (j - 1) * 3, ga + (j - 1) * 4
    local held = pruneGa(KEYS[kj + 1], KEYS[kj + 2], KEYS[kj + 3], now)
    local mine = tonumber(redis.call('HGET', KEYS[kj + 2], holdId) or '0')
    othersHeld[j] = held - mine
    local quantity, capacity, sold = tonumber(ARGV[aj + 2]), tonumber(ARGV[aj + 3]), tonumber(ARGV[aj + 4])
    if sold + othersHeld[j] + quantity > capacity then takenTypes[#takenTypes + 1] = ARGV[aj + 1] end
  end

  if #takenSeats > 0 or #takenTypes > 0 then return { takenSeats, takenTypes } end

  local ttl = int(math.max(1, math.ceil(expiresAt - now)))
  for i = 1, seatCount do
    redis.call('SET', KEYS[s0 + i], holdId, 'PX', ttl)
    redis.call('ZADD', seatIndex, expiresAtArg, ARGV[sa + i])
  end
  if seatCount > 0 then expireWithLatest(now, seatIndex) end

  for j = 1, gaCount do
    local kj, aj = g0 + (j - 1) * 3, ga + (j - 1) * 4
    local quantity = tonumber(ARGV[aj + 2])
    redis.call('ZADD', KEYS[kj + 1], expiresAtArg, holdId)
    redis.call('HSET', KEYS[kj + 2], holdId, ARGV[aj + 2])
    storeGaTotal(KEYS[kj + 1], KEYS[kj + 2], KEYS[kj + 3], othersHeld[j] + quantity, now)
    redis.call('ZADD', gaTypes, 'GT', expiresAtArg, ARGV[aj + 1])
  end
  if gaCount > 0 then expireWithLatest(now, gaTypes) end

  return { {}, {} }
end
`;

/**
 * Takes every requested seat and GA quantity for one hold, or nothing (see
 * TAKE_ALL); used to renew or re-take a hold at sale time.
 *
 * KEYS: seatIndex, gaTypes, one seat key per seat, then (holds, quantities, total) per GA type.
 * ARGV: holdId, now, expiresAt, seatCount, the seat ids, then
 *       (ticketTypeId, quantity, capacity, sold) per GA type.
 * Returns { unavailable seat ids, unavailable ticket type ids }; both empty means taken.
 */
export const ACQUIRE = `${HELPERS}${TAKE_ALL}
return takeAll(1, 1)
`;

/**
 * A new hold, whole, in one call: the fan's limit, then the seats and GA
 * quantities (TAKE_ALL), then the fan's record of the hold, all atomically.
 * The limit counts what the fan holds in live holds of this event (its
 * `fan:<userId>` keys) plus `committed`, what PostgreSQL knows the fan has
 * (issued tickets, open orders whose hold lapsed); the caller re-checks that
 * part after recording the hold (lib/inventory/redis-hold-store.ts).
 *
 * KEYS: fanHolds, fanQuantities, then ACQUIRE's keys.
 * ARGV: limit, committed, quantity, then ACQUIRE's arguments.
 * Returns { unavailable seat ids, unavailable ticket type ids, what the fan's other live holds hold, over limit (1/0) }.
 */
export const PLACE = `${HELPERS}${TAKE_ALL}
local fanHolds, fanQuantities = KEYS[1], KEYS[2]
local limit, committed, quantity = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local holdId, nowArg, expiresAtArg = ARGV[4], ARGV[5], ARGV[6]
local now = tonumber(nowArg)

local lapsed = redis.call('ZRANGEBYSCORE', fanHolds, '-inf', nowArg)
for _, id in ipairs(lapsed) do redis.call('HDEL', fanQuantities, id) end
if #lapsed > 0 then redis.call('ZREMRANGEBYSCORE', fanHolds, '-inf', nowArg) end
local fanHeld = 0
for _, q in ipairs(redis.call('HVALS', fanQuantities)) do fanHeld = fanHeld + tonumber(q) end
if committed + fanHeld + quantity > limit then return { {}, {}, fanHeld, 1 } end

local taken = takeAll(3, 4)
if #taken[1] > 0 or #taken[2] > 0 then return { taken[1], taken[2], fanHeld, 0 } end

redis.call('ZADD', fanHolds, expiresAtArg, holdId)
redis.call('HSET', fanQuantities, holdId, ARGV[3])
expireWithLatest(now, fanHolds, fanQuantities)
return { {}, {}, fanHeld, 0 }
`;

/**
 * Gives back one hold's seats (only those it still owns: a lapsed hold's seat
 * may belong to someone else by now) and its GA quantities.
 *
 * Also drops the hold from its fan's record (fanHolds, fanQuantities).
 *
 * KEYS: fanHolds, fanQuantities, seatIndex, gaTypes, one seat key per seat, then (holds, quantities, total) per GA type.
 * ARGV: holdId, now, seatCount, the seat ids, then the GA ticket type ids.
 * Returns the number of seats given back.
 */
export const RELEASE = `${HELPERS}
local holdId, now = ARGV[1], tonumber(ARGV[2])
local seatCount = tonumber(ARGV[3])
redis.call('ZREM', KEYS[1], holdId)
redis.call('HDEL', KEYS[2], holdId)
local K = 2
local gaCount = (#KEYS - K - 2 - seatCount) / 3
local seatIndex, gaTypes = KEYS[K + 1], KEYS[K + 2]

local released = 0
for i = 1, seatCount do
  if redis.call('GET', KEYS[K + 2 + i]) == holdId then
    redis.call('DEL', KEYS[K + 2 + i])
    redis.call('ZREM', seatIndex, ARGV[3 + i])
    released = released + 1
  end
end

for j = 1, gaCount do
  local k = K + 2 + seatCount + (j - 1) * 3
  local held = pruneGa(KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], now)
  local mine = redis.call('HGET', KEYS[k + 2], holdId)
  if mine then
    redis.call('HDEL', KEYS[k + 2], holdId)
    redis.call('ZREM', KEYS[k + 1], holdId)
    storeGaTotal(KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], held - tonumber(mine), now)
  end
  if redis.call('EXISTS', KEYS[k + 1]) == 0 then redis.call('ZREM', gaTypes, ARGV[3 + seatCount + j]) end
end

return released
`;

/**
 * Seat ids held by live holds of one event.
 * KEYS: seatIndex. ARGV: now.
 */
export const HELD_SEAT_IDS = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
return redis.call('ZRANGE', KEYS[1], 0, -1)
`;

/**
 * GA quantities held by live holds of one event, as a flat list
 * ticketTypeId, quantity, ticketTypeId, quantity, ... (types holding nothing left out).
 *
 * KEYS: gaTypes. ARGV: now, gaPrefix. The ticket types are only known once
 * gaTypes is read, so their keys are built from gaPrefix, which carries the
 * event's hash tag: every key touched is still in KEYS[1]'s slot.
 */
export const HELD_QUANTITIES = `${HELPERS}
local now, prefix = tonumber(ARGV[1]), ARGV[2]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local result = {}
for _, ticketTypeId in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local base = prefix .. ticketTypeId
  local held = pruneGa(${GA_KEY_SUFFIXES.map((suffix) => `base .. '${suffix}'`).join(", ")}, now)
  if redis.call('EXISTS', base .. '${GA_KEY_SUFFIXES[0]}') == 0 then redis.call('ZREM', KEYS[1], ticketTypeId) end
  if held > 0 then
    result[#result + 1] = ticketTypeId
    result[#result + 1] = held
  end
end
return result
`;
