import "server-only";
import type { RedisConnection } from "@/lib/redis/client";
import type { HoldContents, HoldRequest, HoldStore, PlaceRequest } from "./hold-store";
import { forgetHold, limitExceeded, quantityOf, recordTakenHold, seatsUnavailable } from "./hold-records";
import { ACQUIRE, HELD_QUANTITIES, HELD_SEAT_IDS, PLACE, RELEASE, holdKeys } from "./redis/scripts";

/**
 * Holds in Redis: one atomic Lua script per operation, keys expiring with the
 * holds they carry (layout in ./redis/scripts.ts). The store never reads or
 * writes the database: the caller records holds in PostgreSQL, reads GA
 * capacities there, and the sale is guarded by the database again.
 */
export function redisHoldStore(connection: RedisConnection): HoldStore {
  /** ACQUIRE's keys and arguments for one hold. */
  const acquireCall = (request: HoldRequest | PlaceRequest) => {
    const seatIds = unique(request.seats.map((s) => s.seatId));
    const generalAdmission = totalsByTicketType(request.generalAdmission);
    const keys = holdKeys(request.eventId);
    return {
      empty: seatIds.length === 0 && generalAdmission.length === 0,
      keys: [
        keys.seatIndex,
        keys.gaTypes,
        ...seatIds.map(keys.seat),
        ...generalAdmission.flatMap((g) => keys.ga(g.ticketTypeId)),
      ],
      args: [
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
    };
  };

  const take = async (request: HoldRequest) => {
    const call = acquireCall(request);
    if (call.empty) return;
    const [unavailableSeatIds, unavailableTicketTypeIds] = pairOfLists(
      await connection.eval(ACQUIRE, call.keys, call.args),
    );
    if (unavailableSeatIds.length || unavailableTicketTypeIds.length) {
      throw seatsUnavailable(unavailableSeatIds, unavailableTicketTypeIds);
    }
  };

  /**
   * One script takes the seats and records the hold in the fan's count (their
   * other live holds of the event plus this one within the limit), then one
   * statement writes the PostgreSQL rows and reads back what the fan has
   * committed there and whether a seat was sold meanwhile. Only if both are
   * fine does the hold stand; otherwise it is undone in both places. Why the
   * limit holds without any lock: docs/architecture.md, "Holding seats".
   */
  const place = async (db: Parameters<HoldStore["place"]>[0], request: PlaceRequest) => {
    const quantity = quantityOf(request);
    const call = acquireCall(request);
    const contents: HoldContents = { ...request };
    let reply: unknown;
    try {
      reply = await connection.eval(
        PLACE,
        [...holdKeys(request.eventId).fan(request.userId), ...call.keys],
        [String(request.perOrderLimit), "0", String(quantity), ...call.args],
      );
    } catch (error) {
      // Redis may have run the script and only the answer was lost (or a stopped server may run it when it
      // resumes). Release drops only what this hold id owns, so it is harmless when nothing was taken; when
      // Redis cannot be reached for it either, every entry still ends at this hold's own expiry (PX TTLs and
      // index scores), so it blocks its seats for at most holdMinutes.
      await giveBack(contents).catch(() => undefined);
      throw error;
    }
    const [first, second, fanHeldReply, overLimit] = list(reply);
    const fanHeld = Number(fanHeldReply);
    if (Number(overLimit) === 1) {
      throw limitExceeded(request.perOrderLimit, fanHeld + (await committedOf(db, request)));
    }
    const [unavailableSeatIds, unavailableTicketTypeIds] = [stringList(first), stringList(second)];
    if (unavailableSeatIds.length || unavailableTicketTypeIds.length) {
      throw seatsUnavailable(unavailableSeatIds, unavailableTicketTypeIds);
    }

    let recorded: Awaited<ReturnType<typeof recordTakenHold>>;
    try {
      recorded = await recordTakenHold(db, request);
    } catch (error) {
      await giveBack(contents).catch(() => undefined);
      throw error;
    }
    const refusal =
      recorded.gone.length > 0
        ? seatsUnavailable(recorded.gone, [])
        : recorded.committed + fanHeld + quantity > request.perOrderLimit
          ? limitExceeded(request.perOrderLimit, recorded.committed + fanHeld)
          : null;
    if (refusal) {
      await Promise.all([forgetHold(db, request.holdId), giveBack(contents)]);
      throw refusal;
    }
    return recorded.items;
  };

  const giveBack = async (hold: HoldContents) => {
    const seatIds = unique(hold.seats.map((s) => s.seatId));
    const ticketTypeIds = unique(hold.generalAdmission.map((g) => g.ticketTypeId));
    if (seatIds.length === 0 && ticketTypeIds.length === 0) return;

    const keys = holdKeys(hold.eventId);
    await connection.eval(
      RELEASE,
      [
        ...keys.fan(hold.userId),
        keys.seatIndex,
        keys.gaTypes,
        ...seatIds.map(keys.seat),
        ...ticketTypeIds.flatMap(keys.ga),
      ],
      [hold.holdId, String(Date.now()), String(seatIds.length), ...seatIds, ...ticketTypeIds],
    );
  };

  return {
    kind: "redis",
    countsHeldInDatabase: false,

    place,

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

async function committedOf(db: Parameters<HoldStore["place"]>[0], request: PlaceRequest): Promise<number> {
  const [row] = await db.$queryRaw<{ committed: number }[]>`
    SELECT marquee_fan_committed(${request.eventId}, ${request.userId}, ${request.now}::timestamp) AS committed`;
  return Number(row?.committed ?? 0);
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
