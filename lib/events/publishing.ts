import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authoredEvent } from "./authoring-view";
import { changeEvent, type AuthoringDeps, type LiveHolds } from "./event-access";
import { publishProblems, type PublishSnapshot } from "./publish-rules";
import { expandSavedLayout } from "./seat-copy";

// Putting an event on sale and taking it back. Both change `status`, which search and the
// public event page read, so both run through `changeEvent` (search sync + cache expiry).

/** What publishing an event would still need, read fresh: an empty list means it can go live. */
export async function publishChecklist(db: DbOrTx, eventId: string, now: Date) {
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    include: { ticketTypes: true, layout: { select: { id: true, version: true, document: true } } },
  });
  const snapshot: PublishSnapshot = {
    ...event,
    zones: event.layout ? expandSavedLayout(event.layout).zones : null,
  };
  return publishProblems(snapshot, now);
}

export async function publishEvent(deps: AuthoringDeps, options: { actor: Actor; eventId: string }) {
  await changeEvent(deps, options, async (tx, now, audit) => {
    const problems = await publishChecklist(tx, options.eventId, now);
    if (problems.length) {
      throw new AppError("CONFLICT", `The event cannot be published yet: ${problems.map((p) => p.message).join(" ")}`, {
        problems,
      });
    }
    await tx.event.update({ where: { id: options.eventId }, data: { status: "PUBLISHED" } });
    await audit({ action: "event.published", before: { status: "DRAFT" }, after: { status: "PUBLISHED" } });
  });
  return authoredEvent(deps.db, options.eventId);
}

/** What keeps an event from going back to draft: tickets sold, tickets held, payments open. */
export async function salesActivity(db: DbOrTx, holds: LiveHolds, eventId: string, now: Date) {
  // One after the other: inside a transaction they share one connection.
  const types = await db.ticketType.findMany({ where: { eventId }, select: { sold: true, held: true } });
  const heldSeats = await holds.heldSeatIds(db, eventId, now);
  const heldQuantities = await holds.heldQuantities(db, eventId, now);
  // A pending order may still be paid after its hold lapsed (and then sells its seats).
  const openOrders = await db.event.count({ where: { id: eventId, orders: { some: { status: "PENDING" } } } });
  const sold = types.reduce((sum, t) => sum + t.sold, 0);
  const held = heldSeats.length + [...heldQuantities.values()].reduce((sum, q) => sum + q, 0);
  return { sold, held, openOrders: openOrders > 0 };
}

/** Back to draft, only while nobody has bought, is holding or is paying for a ticket. */
export async function unpublishEvent(deps: AuthoringDeps, options: { actor: Actor; eventId: string }) {
  await changeEvent(deps, options, async (tx, now, audit) => {
    const { status } = await tx.event.findUniqueOrThrow({ where: { id: options.eventId }, select: { status: true } });
    if (status !== "PUBLISHED") throw new AppError("CONFLICT", "Only a published event can be unpublished.");
    const activity = await salesActivity(tx, deps.holds, options.eventId, now);
    if (activity.sold > 0 || activity.held > 0 || activity.openOrders) {
      throw new AppError(
        "CONFLICT",
        "Tickets for this event have been sold or are being bought, so it cannot go back to draft. Cancel it instead.",
        activity,
      );
    }
    await tx.event.update({ where: { id: options.eventId }, data: { status: "DRAFT" } });
    await audit({ action: "event.unpublished", before: { status: "PUBLISHED" }, after: { status: "DRAFT" } });
  });
  return authoredEvent(deps.db, options.eventId);
}
