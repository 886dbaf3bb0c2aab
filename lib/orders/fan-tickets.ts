// How "My tickets" shows a fan's orders: one entry per event, not one identical-looking row per
// order. Pure, so it can be tested without a database.
import { inSeatOrder, type SeatLabel } from "@/lib/seat-order";

type FanOrder<E extends { id: string }, T extends { seat: SeatLabel | null }> = {
  id: string;
  number: number;
  event: E;
  tickets: T[];
};

export type EventTickets<E extends { id: string }, T extends { seat: SeatLabel | null }> = {
  event: E;
  /** The event's orders in the order given, each with its tickets in seat order. */
  orders: { id: string; number: number; tickets: T[] }[];
  ticketCount: number;
};

/** Groups orders by their event, keeping the order in which each event first appears. */
export function groupOrdersByEvent<E extends { id: string }, T extends { seat: SeatLabel | null }>(
  orders: readonly FanOrder<E, T>[],
): EventTickets<E, T>[] {
  const byEvent = new Map<string, EventTickets<E, T>>();
  for (const order of orders) {
    let group = byEvent.get(order.event.id);
    if (!group) {
      group = { event: order.event, orders: [], ticketCount: 0 };
      byEvent.set(order.event.id, group);
    }
    group.orders.push({ id: order.id, number: order.number, tickets: inSeatOrder(order.tickets) });
    group.ticketCount += order.tickets.length;
  }
  return [...byEvent.values()];
}
