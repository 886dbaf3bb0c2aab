import "server-only";
import { randomUUID } from "node:crypto";
import type { DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { expandLayout, type LayoutSeat } from "./layout/expand";
import { layoutInput, type Layout } from "./layout/format";

// An event owns a copy of its venue's seat map: the layout version chosen at creation is
// expanded into `seats` rows once, so later versions of the venue's layout never move a
// seat that was sold. These helpers read a saved version and write that copy.

/** A price zone of a layout: its seats (sellable or not) and its standing capacity. */
export type LayoutZone = { key: string; name: string; seats: number; sellableSeats: number; standingCapacity: number };

export type ExpandedLayout = {
  id: string;
  version: number;
  layout: Layout;
  seats: LayoutSeat[];
  zones: LayoutZone[];
};

/** Expands a saved layout document and sums it up by zone. */
export function expandSavedLayout(row: { id: string; version: number; document: unknown }): ExpandedLayout {
  const parsed = layoutInput.safeParse(row.document);
  // Versions are validated when saved; a document that no longer parses is a bug, not user input.
  if (!parsed.success) throw new Error(`venue layout ${row.id} does not parse: ${parsed.error.message}`);
  const layout = parsed.data;
  const { seats, standing } = expandLayout(layout);
  const zones = layout.zones.map((zone) => {
    const own = seats.filter((s) => s.zone === zone.key);
    return {
      key: zone.key,
      name: zone.name,
      seats: own.length,
      sellableSeats: own.filter((s) => !s.disabled).length,
      standingCapacity: standing.filter((a) => a.zone === zone.key).reduce((sum, a) => sum + a.capacity, 0),
    };
  });
  return { id: row.id, version: row.version, layout, seats, zones };
}

/** A layout version of `venueId`, expanded; 400 when it is not one of that venue's. */
export async function venueLayoutVersion(db: DbOrTx, options: { venueId: string; layoutId: string }) {
  const row = await db.venueLayout.findFirst({
    where: { id: options.layoutId, venueId: options.venueId },
    select: { id: true, version: true, document: true },
  });
  if (!row) {
    throw new AppError("VALIDATION_FAILED", "That seat map is not a layout of this venue.", {
      issues: [{ path: "layoutId", message: "is not a layout version of this venue" }],
      fields: { layoutId: ["is not a layout version of this venue"] },
    });
  }
  return expandSavedLayout(row);
}

/**
 * Writes one `seats` row per layout seat, priced by the ticket type of its zone; disabled
 * seats are BLOCKED (never sold), accessibility is kept. One INSERT over arrays, so a
 * 20,000-seat arena is one round trip rather than 20,000 parameters.
 */
export async function copyLayoutSeats(
  tx: Tx,
  options: { eventId: string; seats: LayoutSeat[]; ticketTypeIdByZone: Map<string, string> },
): Promise<number> {
  const { seats, eventId } = options;
  if (seats.length === 0) return 0;
  const typeOf = (seat: LayoutSeat) => {
    const id = options.ticketTypeIdByZone.get(seat.zone);
    if (!id) throw new Error(`no ticket type prices zone ${seat.zone}`);
    return id;
  };
  return tx.$executeRaw`
    INSERT INTO seats (id, "eventId", "ticketTypeId", section, row, number, x, y, accessibility, status)
    SELECT s.id, ${eventId}, s.type, s.section, s.row, s.number, s.x, s.y,
           s.accessibility::seat_accessibility, s.status::seat_status
    FROM unnest(
      ${seats.map(() => randomUUID())}::text[], ${seats.map(typeOf)}::text[],
      ${seats.map((s) => s.section)}::text[], ${seats.map((s) => s.row)}::text[],
      ${seats.map((s) => s.number)}::text[], ${seats.map((s) => s.x)}::float8[], ${seats.map((s) => s.y)}::float8[],
      ${seats.map((s) => s.accessibility?.toUpperCase() ?? null)}::text[],
      ${seats.map((s) => (s.disabled ? "BLOCKED" : "AVAILABLE"))}::text[]
    ) AS s(id, type, section, row, number, x, y, accessibility, status)`;
}
