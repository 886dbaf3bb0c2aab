import "server-only";
import type { DbOrTx } from "@/lib/db";
import { saleState } from "./sale-state";

/** What an organizer sees of an event at a glance. */
export type EventDashboardState = "draft" | "on-sale" | "not-yet-on-sale" | "sold-out" | "past" | "cancelled";

function dashboardState(
  event: { status: string; onSaleAt: Date; startsAt: Date },
  sales: { sold: number; capacity: number },
  now: Date,
): EventDashboardState {
  const state = saleState(event, now);
  if (state === "draft" || state === "cancelled" || state === "not-yet-on-sale") return state;
  if (state === "started") return "past";
  return sales.capacity > 0 && sales.sold >= sales.capacity ? "sold-out" : "on-sale";
}

/**
 * One organization's events for its dashboard: upcoming first (soonest
 * first), then past ones (latest first), each with its state and tickets
 * sold against capacity.
 */
export async function organizationEvents(db: DbOrTx, options: { organizationId: string; now: Date; limit?: number }) {
  const rows = await db.event.findMany({
    where: { organizationId: options.organizationId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      startsAt: true,
      onSaleAt: true,
      venue: { select: { name: true, city: true, timeZone: true } },
      ticketTypes: { select: { capacity: true, sold: true } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 500,
  });
  const events = rows.map(({ ticketTypes, ...event }) => {
    const sales = {
      sold: ticketTypes.reduce((sum, t) => sum + t.sold, 0),
      capacity: ticketTypes.reduce((sum, t) => sum + t.capacity, 0),
    };
    return { ...event, sales, state: dashboardState(event, sales, options.now) };
  });
  const upcoming = events.filter((e) => e.startsAt >= options.now);
  const past = events.filter((e) => e.startsAt < options.now).reverse();
  return { upcoming, past };
}

export type OrganizationEvent = Awaited<ReturnType<typeof organizationEvents>>["upcoming"][number];
