import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueSearchSync } from "./search-sync";

export const eventChangesInput = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(10_000).optional(),
  performers: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
});

/** One change to an event and its search-index update, both or neither. */
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
