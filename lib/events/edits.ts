import "server-only";
import type { DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EventStatus } from "@/lib/generated/prisma/enums";
import { enqueueSearchSync } from "./search-sync";

/**
 * The events side of a cancellation, in the caller's transaction: DRAFT or
 * PUBLISHED → CANCELLED in one guarded UPDATE, with its search-index update.
 * An event already cancelled is answered as such (nothing changes, nothing is
 * queued); an unknown event is NOT_FOUND. Everything else a cancellation does
 * (orders, refunds, holds) is `cancelEvent` in lib/orders/cancellation.ts,
 * which calls this first: the UPDATE's row lock is what a payment settling at
 * the same moment waits for (see `lockEventStatus`).
 */
export async function markEventCancelled(
  tx: Tx,
  eventId: string,
  now: Date,
): Promise<{ outcome: "cancelled" | "already-cancelled"; slug: string; organizationId: string }> {
  const { count } = await tx.event.updateMany({
    where: { id: eventId, status: { in: ["DRAFT", "PUBLISHED"] } },
    data: { status: "CANCELLED", cancelledAt: now },
  });
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { slug: true, organizationId: true } });
  if (!event) throw new AppError("NOT_FOUND", "No such event.");
  if (count === 0) return { outcome: "already-cancelled", ...event };
  await enqueueSearchSync(tx, eventId);
  return { outcome: "cancelled", ...event };
}

/**
 * An event's status, read under a share lock on its row until the caller's
 * transaction ends: a status change (a cancellation) waits for the caller,
 * and the caller waits for a status change already under way, then sees its
 * result. Settlement takes it before deciding to sell, so no payment becomes
 * tickets for an event that is being cancelled. Null for an unknown event.
 */
export async function lockEventStatus(tx: Tx, eventId: string): Promise<EventStatus | null> {
  const rows = await tx.$queryRaw<{ status: EventStatus }[]>`
    SELECT status FROM events WHERE id = ${eventId} FOR SHARE`;
  return rows[0]?.status ?? null;
}

/** An event's status now, or null for an unknown event. */
export async function eventStatus(db: DbOrTx, eventId: string): Promise<EventStatus | null> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { status: true } });
  return event?.status ?? null;
}
