import "server-only";
import type { Tx } from "@/lib/db";
import { returnToSale, withholdFromSale } from "@/lib/inventory/return-to-sale";
import { voidIssuedTickets } from "./tickets";

/**
 * Voids refunded tickets (all the order's issued ones, or those of `ticketIds`) and puts what they
 * were for back on sale at once, or keeps it off sale when the organizer asks: seats and GA
 * quantities alike. Returns the tickets voided.
 */
export async function voidRefundedTickets(
  tx: Tx,
  orderId: string,
  options: { ticketIds?: string[]; keepOffSale?: boolean } = {},
) {
  const tickets = await voidIssuedTickets(tx, orderId, options.ticketIds);
  const gaCounts = new Map<string, number>();
  for (const t of tickets) if (!t.seatId) gaCounts.set(t.ticketTypeId, (gaCounts.get(t.ticketTypeId) ?? 0) + 1);
  const inventory = {
    seatIds: tickets.flatMap((t) => (t.seatId ? [t.seatId] : [])),
    generalAdmission: [...gaCounts].map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity })),
  };
  await (options.keepOffSale ? withholdFromSale(tx, inventory) : returnToSale(tx, inventory));
  return tickets;
}
