import "server-only";
import type { Tx } from "@/lib/db";

/** Sold inventory whose tickets were voided goes back on sale: guarded, so it is never returned twice. */
export async function returnToSale(
  tx: Tx,
  options: { seatIds: string[]; generalAdmission: { ticketTypeId: string; quantity: number }[] },
) {
  if (options.seatIds.length) {
    await tx.seat.updateMany({ where: { id: { in: options.seatIds }, status: "SOLD" }, data: { status: "AVAILABLE" } });
  }
  for (const { ticketTypeId, quantity } of options.generalAdmission) {
    await tx.$executeRaw`UPDATE ticket_types SET sold = sold - ${quantity} WHERE id = ${ticketTypeId} AND sold >= ${quantity}`;
  }
}
