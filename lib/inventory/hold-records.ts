import "server-only";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PlacedItem, PlaceRequest } from "./hold-store";

/** The request's items in one list: seats one by one, then GA quantities. */
export function itemsOf(request: Pick<PlaceRequest, "seats" | "generalAdmission">) {
  return [
    ...request.seats.map((s) => ({ ticketTypeId: s.ticketTypeId, seatId: s.seatId as string | null, quantity: 1 })),
    ...request.generalAdmission.map((g) => ({ ticketTypeId: g.ticketTypeId, seatId: null, quantity: g.quantity })),
  ];
}

export function quantityOf(request: Pick<PlaceRequest, "seats" | "generalAdmission">) {
  return request.seats.length + request.generalAdmission.reduce((sum, g) => sum + g.quantity, 0);
}

export function limitExceeded(perOrderLimit: number, alreadyTaken: number) {
  return new AppError(
    "LIMIT_EXCEEDED",
    `You can buy at most ${perOrderLimit} tickets for this event; you already have ${alreadyTaken}.`,
    { perOrderLimit, alreadyTaken },
  );
}

export function seatsUnavailable(unavailableSeatIds: string[], unavailableTicketTypeIds: string[]) {
  return new AppError("SEAT_UNAVAILABLE", "Some of those tickets were just taken.", {
    unavailableSeatIds,
    unavailableTicketTypeIds,
  });
}

/**
 * Writes a hold that the hold store already took (Redis) as its holds and
 * hold_items rows, with the prices of this moment, in one statement that also
 * reads what the fan has committed in PostgreSQL (marquee_fan_committed:
 * issued tickets, open orders whose hold lapsed) and which of the seats are no
 * longer for sale. The caller decides from those whether the hold stands.
 */
export async function recordTakenHold(db: DbOrTx, request: PlaceRequest) {
  const items = itemsOf(request);
  const rows = await db.$queryRaw<{ items: PlacedItem[]; committed: number; gone: string[] }[]>`
    WITH hold AS (
      INSERT INTO holds (id, "eventId", "userId", status, "expiresAt", "createdAt", "updatedAt")
      VALUES (${request.holdId}, ${request.eventId}, ${request.userId}, 'ACTIVE', ${request.expiresAt}::timestamp,
        now(), now())
      RETURNING id
    ), items AS (
      INSERT INTO hold_items (id, "holdId", "ticketTypeId", "seatId", quantity, "unitPriceMinor", "unitFeeMinor")
      SELECT gen_random_uuid()::text, hold.id, w.type_id, w.seat_id, w.quantity, t."priceMinor", t."feeMinor"
      FROM hold, unnest(${items.map((i) => i.ticketTypeId)}::text[], ${items.map((i) => i.seatId)}::text[],
        ${items.map((i) => i.quantity)}::int[]) AS w(type_id, seat_id, quantity)
      JOIN ticket_types t ON t.id = w.type_id
      RETURNING "ticketTypeId", "seatId", quantity, "unitPriceMinor", "unitFeeMinor"
    )
    SELECT (SELECT coalesce(jsonb_agg(to_jsonb(items)), '[]'::jsonb) FROM items) AS items,
      marquee_fan_committed(${request.eventId}, ${request.userId}, ${request.now}::timestamp) AS committed,
      ARRAY(SELECT id FROM seats WHERE id = ANY(${request.seats.map((s) => s.seatId)}::text[])
        AND status <> 'AVAILABLE') AS gone`;
  const row = rows[0]!;
  return { items: row.items, committed: Number(row.committed), gone: row.gone };
}

/** Undoes recordTakenHold for a hold that does not stand (its items go with it). */
export async function forgetHold(db: DbOrTx, holdId: string) {
  await db.$executeRaw`DELETE FROM holds WHERE id = ${holdId}`;
}
