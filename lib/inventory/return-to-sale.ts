import "server-only";
import type { Tx } from "@/lib/db";
import { countBy } from "./sale";

/** Sold inventory whose tickets were voided goes back on sale: guarded, so it is never returned twice. */
export async function returnToSale(
  tx: Tx,
  options: { seatIds: string[]; generalAdmission: { ticketTypeId: string; quantity: number }[] },
) {
  const returned = await tx.seat.findMany({
    where: { id: { in: options.seatIds }, status: "SOLD" },
    select: { id: true, ticketTypeId: true },
  });
  if (returned.length) {
    await tx.seat.updateMany({
      where: { id: { in: returned.map((s) => s.id) }, status: "SOLD" },
      data: { status: "AVAILABLE" },
    });
  }
  const seatsByType = [...countBy(returned.map((s) => s.ticketTypeId))].map(([ticketTypeId, quantity]) => ({
    ticketTypeId,
    quantity,
  }));
  for (const { ticketTypeId, quantity } of [...options.generalAdmission, ...seatsByType]) {
    await tx.$executeRaw`UPDATE ticket_types SET sold = sold - ${quantity} WHERE id = ${ticketTypeId} AND sold >= ${quantity}`;
  }
}

/**
 * Refunded inventory the organizer keeps off sale (a broken seat, a seat for the artist's guest):
 * seats become BLOCKED, as the seat map's own unsellable seats are, and GA quantities leave the
 * type's capacity. Either way the counters stop counting them as sold; raising the capacity again,
 * or unblocking the seat, puts them back on sale. Guarded like `returnToSale`.
 */
export async function withholdFromSale(
  tx: Tx,
  options: { seatIds: string[]; generalAdmission: { ticketTypeId: string; quantity: number }[] },
) {
  const withheld = await tx.seat.findMany({
    where: { id: { in: options.seatIds }, status: "SOLD" },
    select: { id: true, ticketTypeId: true },
  });
  if (withheld.length) {
    await tx.seat.updateMany({
      where: { id: { in: withheld.map((s) => s.id) }, status: "SOLD" },
      data: { status: "BLOCKED" },
    });
  }
  for (const [ticketTypeId, quantity] of countBy(withheld.map((s) => s.ticketTypeId))) {
    await tx.$executeRaw`UPDATE ticket_types SET sold = sold - ${quantity} WHERE id = ${ticketTypeId} AND sold >= ${quantity}`;
  }
  for (const { ticketTypeId, quantity } of options.generalAdmission) {
    await tx.$executeRaw`
      UPDATE ticket_types SET sold = sold - ${quantity}, capacity = capacity - ${quantity}
      WHERE id = ${ticketTypeId} AND sold >= ${quantity} AND capacity >= ${quantity}`;
  }
}
