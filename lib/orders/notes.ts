import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Db, DbOrTx } from "@/lib/db";
import { authorizeOrder } from "./order-access";

// The order_notes table: what organizers write about an order for each other. The buyer never sees it.

export const orderNoteInput = z.strictObject({ body: z.string().trim().min(1).max(2000) });

/** An order's notes, oldest first, with their authors. */
export function listOrderNotes(db: DbOrTx, orderId: string) {
  return db.orderNote.findMany({
    where: { orderId },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** An owner or manager of the order's organization adds a note; recorded in the audit log with it. */
export async function addOrderNote(
  db: Db,
  options: { actor: Actor; orderId: string; body: string; organizationId?: string },
) {
  const order = await authorizeOrder(db, options.actor, options.orderId, {
    ...(options.organizationId ? { organizationId: options.organizationId } : {}),
  });
  return db.$transaction(async (tx) => {
    const note = await tx.orderNote.create({
      data: { orderId: order.id, authorId: options.actor.userId, body: options.body },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, {
      actorId: options.actor.userId,
      organizationId: order.organizationId,
      action: "order.note_added",
      entityType: "order",
      entityId: order.id,
      details: { noteId: note.id, body: options.body },
    });
    return note;
  });
}
