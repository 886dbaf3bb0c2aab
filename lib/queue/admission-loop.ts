import "server-only";
import type { DbOrTx } from "@/lib/db";
import { remainingByTicketType } from "@/lib/inventory/availability";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { planAdmission, rateWindowMs } from "./admission-plan";
import type { QueueStore } from "./store";
import { ADMISSION_WINDOW_MS } from "./waiting-room";

export type AdmissionLoopDeps = {
  db: DbOrTx;
  queue: QueueStore;
  holds: HoldStore;
  clock: () => Date;
  config: { CHECKOUT_SESSIONS_PER_SECOND: number };
};

/** Before an event has paid orders: fans buy a pair. */
const DEFAULT_TICKETS_PER_ORDER = 2;

/** Tickets per paid order of the event so far, within 1 and the event's per-fan limit. */
async function ticketsPerOrder(db: DbOrTx, eventId: string, perOrderLimit: number): Promise<number> {
  const [row] = await db.$queryRaw<{ orders: bigint; tickets: bigint | null }[]>`
    SELECT count(DISTINCT o.id) AS orders, sum(i.quantity) AS tickets
    FROM orders o JOIN order_items i ON i."orderId" = o.id
    WHERE o."eventId" = ${eventId} AND o.status IN ('PAID', 'PARTIALLY_REFUNDED')`;
  const orders = Number(row?.orders ?? 0);
  const average = orders > 0 ? Number(row!.tickets) / orders : DEFAULT_TICKETS_PER_ORDER;
  return Math.min(Math.max(1, average), perOrderLimit);
}

async function inventoryOf(deps: AdmissionLoopDeps, eventId: string, now: Date) {
  const [types, remaining] = await Promise.all([
    deps.db.ticketType.findMany({
      where: { eventId, hidden: false },
      select: { id: true, capacity: true, sold: true },
    }),
    remainingByTicketType(deps.db, deps.holds, eventId, now),
  ]);
  return {
    ticketsLeft: types.reduce((sum, t) => sum + (remaining.get(t.id) ?? 0), 0),
    unsold: types.reduce((sum, t) => sum + Math.max(0, t.capacity - t.sold), 0),
  };
}

/**
 * One tick of the admission loop (the worker runs it every second): for each
 * event on sale with its waiting room on, admits the next fans as
 * planAdmission says, records the measured admission rate (what ETAs are
 * computed from) and whether the event sold out (waiting fans are then told
 * at once; it clears again if tickets come back, say from a refund).
 */
export async function admissionTick(
  deps: AdmissionLoopDeps,
  options: { intervalMs: number },
): Promise<{ admitted: number; soldOutNow: number }> {
  const now = deps.clock();
  const events = await deps.db.event.findMany({
    where: { queueEnabled: true, status: "PUBLISHED", onSaleAt: { lte: now }, startsAt: { gt: now } },
    select: { id: true, onSaleAt: true, perOrderLimit: true },
  });
  // Events with fans in line share the provider's limit; the share is what one event's checkouts may use.
  const loads = await Promise.all(
    events.map(async (event) => {
      const [control, line] = await Promise.all([
        deps.queue.control(event.id),
        deps.queue.stats(event.id, { now, since: now }),
      ]);
      return { event, control, waiting: line.waiting };
    }),
  );
  const inLine = loads.filter((load) => load.waiting > 0).length;
  const share = deps.config.CHECKOUT_SESSIONS_PER_SECOND / Math.max(1, inLine);
  let admitted = 0;
  let soldOutNow = 0;
  for (const { event, control } of loads) {
    const ratePerSecond = control.ratePerMinute === null ? share : control.ratePerMinute / 60;
    const windowMs = rateWindowMs(ratePerSecond);
    const [stats, inventory, avgTicketsPerOrder] = await Promise.all([
      deps.queue.stats(event.id, { now, since: new Date(now.getTime() - windowMs) }),
      inventoryOf(deps, event.id, now),
      ticketsPerOrder(deps.db, event.id, event.perOrderLimit),
    ]);
    const plan = planAdmission({
      ...stats,
      ...inventory,
      admittedInWindow: stats.admittedSince,
      avgTicketsPerOrder,
      ratePerSecond,
      intervalMs: options.intervalMs,
      paused: control.paused,
    });
    const admittedNow = await deps.queue.admit(event.id, { count: plan.admit, now, windowMs: ADMISSION_WINDOW_MS });
    // Measured from the window's first admission (a room that started admitting 2 s ago has a 2 s history),
    // each admission standing for a tick's worth of time.
    const since = stats.firstAdmittedAt ?? (admittedNow.length > 0 ? now : null);
    const measuredOverMs = since ? now.getTime() - since.getTime() + options.intervalMs : windowMs;
    const admittedPerMinute = ((stats.admittedSince + admittedNow.length) * 60_000) / measuredOverMs;
    if (plan.soldOut !== control.soldOut || admittedPerMinute !== control.admittedPerMinute) {
      await deps.queue.setControl(event.id, { soldOut: plan.soldOut, admittedPerMinute });
    }
    admitted += admittedNow.length;
    if (plan.soldOut && !control.soldOut) soldOutNow += 1;
  }
  return { admitted, soldOutNow };
}
