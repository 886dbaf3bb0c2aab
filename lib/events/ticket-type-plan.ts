import "server-only";
import type { TicketKind } from "@/lib/generated/prisma/enums";
import type { TicketTypeInput } from "./event-schemas";
import { resolveTimes, saleWindowIssues, type TimeIssue } from "./event-times";
import type { ExpandedLayout } from "./seat-copy";

// Turns the ticket types sent with a new event into rows, against the event's seat map:
// a type with a `zone` prices that zone's seats (RESERVED, capacity = its sellable seats)
// and, if the zone has a standing area, that area too (GENERAL_ADMISSION, capacity from
// the map). Every zone of the map must be priced, so every copied seat has a ticket type.

export type PlannedTicketType = {
  name: string;
  kind: TicketKind;
  zone: string | null;
  priceMinor: number;
  feeMinor: number;
  currency: string;
  capacity: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  minPerOrder: number;
  maxPerOrder: number | null;
  hidden: boolean;
  sortOrder: number;
};

/** The columns of one new ticket type from its input (zone and capacity decided by the caller). */
export function ticketTypeRow(
  input: TicketTypeInput,
  options: { currency: string; timeZone: string; sortOrder: number; path: string },
): { row: Omit<PlannedTicketType, "kind" | "zone" | "capacity">; issues: TimeIssue[] } {
  const { times, issues } = resolveTimes(input, ["salesStartAt", "salesEndAt"] as const, options.timeZone);
  const window = { salesStartAt: times.salesStartAt ?? null, salesEndAt: times.salesEndAt ?? null };
  issues.push(...saleWindowIssues(window));
  if (input.currency && input.currency !== options.currency) {
    issues.push({ path: "currency", message: `must be the event's currency, ${options.currency}` });
  }
  return {
    row: {
      name: input.name,
      priceMinor: input.priceMinor,
      feeMinor: input.feeMinor,
      currency: options.currency,
      ...window,
      minPerOrder: input.minPerOrder,
      maxPerOrder: input.maxPerOrder ?? null,
      hidden: input.hidden,
      sortOrder: input.sortOrder ?? options.sortOrder,
    },
    issues: issues.map((i) => ({ ...i, path: `${options.path}.${i.path}` })),
  };
}

export function planTicketTypes(
  inputs: TicketTypeInput[],
  options: { layout: ExpandedLayout | null; currency: string; timeZone: string },
): { types: PlannedTicketType[]; issues: TimeIssue[] } {
  const types: PlannedTicketType[] = [];
  const issues: TimeIssue[] = [];
  const zones = new Map((options.layout?.zones ?? []).map((z) => [z.key, z]));
  const priced = new Set<string>();

  inputs.forEach((input, i) => {
    const path = `ticketTypes.${i}`;
    const { row, issues: own } = ticketTypeRow(input, { ...options, sortOrder: i * 10, path });
    issues.push(...own);
    if (input.zone === undefined) {
      types.push({ ...row, kind: "GENERAL_ADMISSION", zone: null, capacity: input.capacity! });
      return;
    }
    const zone = zones.get(input.zone);
    if (!zone) {
      issues.push({
        path: `${path}.zone`,
        message: options.layout ? "is not a zone of this seat map" : "needs a seat map (layoutId)",
      });
      return;
    }
    if (priced.has(zone.key)) issues.push({ path: `${path}.zone`, message: `prices zone ${zone.name} a second time` });
    if (input.capacity !== undefined) {
      issues.push({ path: `${path}.capacity`, message: "comes from the seat map for a zone; leave it out" });
    }
    priced.add(zone.key);
    if (zone.seats > 0) types.push({ ...row, kind: "RESERVED", zone: zone.key, capacity: zone.sellableSeats });
    if (zone.standingCapacity > 0) {
      types.push({
        ...row,
        name: zone.seats > 0 ? `${row.name} (standing)` : row.name,
        kind: "GENERAL_ADMISSION",
        zone: zone.key,
        capacity: zone.standingCapacity,
      });
    }
  });

  for (const zone of zones.values()) {
    if (!priced.has(zone.key) && zone.seats + zone.standingCapacity > 0) {
      issues.push({ path: `zones.${zone.key}`, message: `needs a price: zone ${zone.name} has no ticket type` });
    }
  }
  return { types, issues };
}
