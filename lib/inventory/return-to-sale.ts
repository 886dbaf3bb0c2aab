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
