import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";

export const SEARCH_SYNC_TOPIC = "search.sync-event";

/**
 * Queues an event for the search index, in the caller's transaction: every
 * change that affects search (edit, publish, cancel, selling out) calls this,
 * so an external index catches up within seconds and retries on failure.
 */
export function enqueueSearchSync(db: DbOrTx, eventId: string) {
  return enqueueOutbox(db, { topic: SEARCH_SYNC_TOPIC, payload: { eventId } });
}

const searchSyncPayload = z.object({ eventId: z.string() });

export function searchSyncHandler(syncEvent: (eventId: string) => Promise<void>): OutboxHandler {
  return async (raw) => syncEvent(searchSyncPayload.parse(raw).eventId);
}
