import "server-only";
import type { Db, DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";
import { z } from "zod";

export const SEARCH_SYNC_TOPIC = "search.sync-event";

/**
 * Queues an event for the search index, in the caller's transaction: every
 * change that affects search (edit, publish, cancel, selling out) calls this,
 * so an external index catches up within seconds and retries on failure.
 */
export function enqueueSearchSync(db: DbOrTx, eventId: string) {
  return enqueueOutbox(db, { topic: SEARCH_SYNC_TOPIC, payload: { eventId } });
}

export function searchSyncHandler(syncEvent: (eventId: string) => Promise<void>): OutboxHandler {
  const payload = z.object({ eventId: z.string() });
  return async (raw) => syncEvent(payload.parse(raw).eventId);
}

export const eventChangesInput = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(10_000).optional(),
  performers: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
});

async function changeEvent(db: Db, eventId: string, data: Parameters<Db["event"]["update"]>[0]["data"]) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.event.updateMany({ where: { id: eventId }, data });
    if (count === 0) throw new AppError("NOT_FOUND", "No such event.");
    await enqueueSearchSync(tx, eventId);
    return tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, slug: true, status: true } });
  });
}

export function updateEventDetails(db: Db, eventId: string, changes: z.infer<typeof eventChangesInput>) {
  return changeEvent(db, eventId, changes);
}

export function cancelEvent(db: Db, eventId: string, now = new Date()) {
  return changeEvent(db, eventId, { status: "CANCELLED", cancelledAt: now });
}
