import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { HoldStore } from "@/lib/inventory/hold-store";

/** The seats of an event that are not free, by what they are: the organizer's seat map colours the rest free. */
export type SeatOccupancy = { sold: string[]; held: string[]; blocked: string[] };

/**
 * Unlike the fans' poll (lib/inventory/seat-status.ts), which only says "taken", the organizer
 * tells sold from not-for-sale seats. Held seats come from the hold store, as the fans' map's do.
 * Authorization is the caller's.
 */
export async function seatOccupancy(
  deps: { db: DbOrTx; holds: HoldStore; clock: () => Date },
  eventId: string,
): Promise<SeatOccupancy> {
  const [taken, held] = await Promise.all([
    deps.db.$queryRaw<{ status: "SOLD" | "BLOCKED"; ids: string[] }[]>`
      SELECT status::text AS status, array_agg(id) AS ids FROM seats
      WHERE "eventId" = ${eventId} AND status <> 'AVAILABLE' GROUP BY status`,
    deps.holds.heldSeatIds(deps.db, eventId, deps.clock()),
  ]);
  return {
    sold: taken.find((t) => t.status === "SOLD")?.ids ?? [],
    held,
    blocked: taken.find((t) => t.status === "BLOCKED")?.ids ?? [],
  };
}
