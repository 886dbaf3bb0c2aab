import "server-only";
import { AppError } from "@/lib/errors";
import type { RedisConnection } from "@/lib/redis/client";
import type { HoldContents, HoldRequest, HoldStore } from "./hold-store";
import { ACQUIRE, HELD_QUANTITIES, HELD_SEAT_IDS, RELEASE, holdKeys } from "./redis/scripts";

/**
 * Holds in Redis: one atomic Lua script per operation, keys expiring with the
 * holds they carry (layout in ./redis/scripts.ts). The store never reads or
 * writes the database: the caller records holds in PostgreSQL, reads GA
 * capacities there, and the sale is guarded by the database again.
 */
export function redisHoldStore(connection: RedisConnection): HoldStore {
  const take = async (request: HoldRequest) => {
    const seatIds = unique(request.seats.map((s) => s.seatId));
    const generalAdmission = totalsByTicketType(request.generalAdmission);
    if (seatIds.length === 0 && generalAdmission.length === 0) return;

    const keys = holdKeys(request.eventId);
    const reply = await connection.eval(
      ACQUIRE,
      [
        keys.seatIndex,
        keys.gaTypes,
        ...seatIds.map(keys.seat),
        ...generalAdmission.flatMap((g) => keys.ga(g.ticketTypeId)),
      ],
      [
        request.holdId,
        String(request.now.getTime()),
        String(request.expiresAt.getTime()),
        String(seatIds.length),
        ...seatIds,
        ...generalAdmission.flatMap(({ ticketTypeId, quantity }) => {
          // A type the caller found no capacity for (not GA, not this event's) cannot be held.
          const { capacity, sold } = request.capacities.get(ticketTypeId) ?? { capacity: 0, sold: 0 };
          return [ticketTypeId, String(quantity), String(capacity), String(sold)];
        }),
      ],
    );
    const [unavailableSeatIds, unavailableTicketTypeIds] = pairOfLists(reply);
    if (unavailableSeatIds.length || unavailableTicketTypeIds.length) {
      throw new AppError("SEAT_UNAVAILABLE", "Some of those tickets were just taken.", {
        unavailableSeatIds,
        unavailableTicketTypeIds,
      });
    }
  };

  const giveBack = async (hold: HoldContents) => {
    const seatIds = unique(hold.seats.map((s) => s.seatId));
    const ticketTypeIds = unique(hold.generalAdmission.map((g) => g.ticketTypeId));
    if (seatIds.length === 0 && ticketTypeIds.length === 0) return;

    const keys = holdKeys(hold.eventId);
    await connection.eval(
      RELEASE,
      [keys.seatIndex, keys.gaTypes, ...seatIds.map(keys.seat), ...ticketTypeIds.flatMap(keys.ga)],
      [hold.holdId, String(Date.now()), String(seatIds.length), ...seatIds, ...ticketTypeIds],
    );
  };

  return {
    kind: "redis",
    countsHeldInDatabase: false,

    acquire: (_tx, request) => take(request),

    release: (_db, hold) => giveBack(hold),

    // Our own live entries are no conflict, so taking again both renews a live
    // hold and re-takes a lapsed one that nobody else took meanwhile.
    retakeForSale: (_tx, request) => take(request),

    afterSale: (hold) => giveBack(hold),

    async heldSeatIds(_db, eventId, now) {
      const keys = holdKeys(eventId);
      return stringList(await connection.eval(HELD_SEAT_IDS, [keys.seatIndex], [String(now.getTime())]));
    },

    async heldQuantities(_db, eventId, now) {
      const keys = holdKeys(eventId);
      const flat = list(await connection.eval(HELD_QUANTITIES, [keys.gaTypes], [String(now.getTime()), keys.gaPrefix]));
      const held = new Map<string, number>();
      for (let i = 0; i + 1 < flat.length; i += 2) held.set(String(flat[i]), Number(flat[i + 1]));
      return held;
    },
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** One entry per ticket type, so a request naming a type twice is checked against capacity once, in full. */
function totalsByTicketType(items: HoldContents["generalAdmission"]) {
  const totals = new Map<string, number>();
  for (const { ticketTypeId, quantity } of items) {
    if (!Number.isInteger(quantity) || quantity < 0) throw new Error(`Invalid GA quantity ${quantity}`);
    totals.set(ticketTypeId, (totals.get(ticketTypeId) ?? 0) + quantity);
  }
  return [...totals]
    .filter(([, quantity]) => quantity > 0)
    .map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));
}

// Upstash's client JSON-parses string replies by default (an id like "123"
// comes back as a number), so replies are normalised rather than trusted.
function list(reply: unknown): unknown[] {
  if (!Array.isArray(reply)) throw new Error(`Unexpected reply from a hold store script: ${JSON.stringify(reply)}`);
  return reply;
}

function stringList(reply: unknown): string[] {
  return list(reply).map(String);
}

function pairOfLists(reply: unknown): [string[], string[]] {
  const [first, second] = list(reply);
  return [stringList(first), stringList(second)];
}
