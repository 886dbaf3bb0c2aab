import "server-only";
import type { Tx } from "@/lib/db";

type CardAndEvent = { eventId: string; cardFingerprint: string };

/**
 * Serialises the settling of payments made with one card for one event, so two payments with the
 * same card at once cannot both pass the limit (each counts the other's tickets only once it has
 * committed). Taken after the order's and the fan's locks; no path takes them the other way round.
 */
export async function lockCardForEvent(tx: Tx, options: CardAndEvent) {
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(hashtext(${options.eventId}), hashtext(${`card:${options.cardFingerprint}`}))`;
}

/**
 * Whether fulfilling this order would take the card past the event's limit: the tickets issued for
 * the event to orders paid with this card (whoever's account they are on), plus this order's. One
 * card, one fan's worth: a script with many throwaway accounts usually pays with few cards. Call
 * under lockCardForEvent, before issuing the order's tickets.
 */
export async function wouldExceedCardLimit(
  tx: Tx,
  options: CardAndEvent & { orderQuantity: number; perOrderLimit: number },
) {
  const paidWithCard = await tx.ticket.count({
    where: {
      eventId: options.eventId,
      status: "ISSUED",
      order: { payments: { some: { status: "SUCCEEDED", cardFingerprint: options.cardFingerprint } } },
    },
  });
  return paidWithCard + options.orderQuantity > options.perOrderLimit;
}
