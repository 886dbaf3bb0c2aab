import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";

// Crockford's base32: no I, L, O or U, so codes read aloud at the door survive.
export const TICKET_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 80 random bits as 16 characters in groups of four: MQ-7K3D-9XQ2-HB4M-R8TW. */
export function newTicketCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += TICKET_CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `MQ-${out.match(/.{4}/g)!.join("-")}`;
}

/** One ticket per seat, or per unit of a general-admission item, for a paid order. */
export async function issueTickets(tx: Tx, orderId: string): Promise<number> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { eventId: true, items: { select: { id: true, ticketTypeId: true, seatId: true, quantity: true } } },
  });
  const tickets = order.items.flatMap((item) =>
    Array.from({ length: item.seatId ? 1 : item.quantity }, () => ({
      code: newTicketCode(),
      orderId,
      orderItemId: item.id,
      eventId: order.eventId,
      ticketTypeId: item.ticketTypeId,
      seatId: item.seatId,
    })),
  );
  await tx.ticket.createMany({ data: tickets });
  return tickets.length;
}

/**
 * Voids an order's issued tickets (all of them, or those of `ticketIds`) and returns what they were
 * for. Whether their seats go back on sale is the caller's decision (a refund: yes, unless the
 * organizer holds them back; a cancelled event: no).
 */
export async function voidIssuedTickets(tx: Tx, orderId: string, ticketIds?: string[]) {
  const tickets = await tx.ticket.findMany({
    where: { orderId, status: "ISSUED", ...(ticketIds ? { id: { in: ticketIds } } : {}) },
    select: { id: true, seatId: true, ticketTypeId: true },
  });
  if (tickets.length > 0) {
    await tx.ticket.updateMany({ where: { id: { in: tickets.map((t) => t.id) } }, data: { status: "VOIDED" } });
  }
  return tickets;
}
