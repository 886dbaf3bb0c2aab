import "server-only";
import { recordAudit, type AuditEntry } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { requireOrganizationRole } from "@/lib/auth/memberships";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { expireEventPage } from "./event-page";
import { enqueueSearchSync } from "./search-sync";

/** What changing an event needs besides the database: live holds (to know what is held) and the time. */
export type LiveHolds = {
  heldSeatIds(db: DbOrTx, eventId: string, now: Date): Promise<string[]>;
  heldQuantities(db: DbOrTx, eventId: string, now: Date): Promise<Map<string, number>>;
};

/**
 * The parts of `services()` the authoring functions use. `holds` is typed by its shape
 * (lib/inventory's HoldStore has it) because lib/inventory already depends on lib/events.
 */
export type AuthoringDeps = { db: Db; holds: LiveHolds; clock: () => Date };

/**
 * Loads an event an actor wants to change and checks their role in its organization.
 * Unknown ids and other organizations' events are "not found" alike, so ids cannot be
 * probed; check-in staff are "forbidden".
 */
export async function authorizeEvent(
  db: DbOrTx,
  actor: Actor,
  eventId: string,
  roles?: readonly MembershipRole[],
): Promise<{ id: string; organizationId: string; slug: string }> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, organizationId: true, slug: true },
  });
  if (!event) throw new AppError("NOT_FOUND", "No such event.");
  try {
    await requireOrganizationRole(db, actor, event.organizationId, roles);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "No such event.");
    throw error;
  }
  return event;
}

/** Takes the event's row lock, so changes to one event (and its ticket types) apply one at a time. */
export async function lockEvent(tx: Tx, eventId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM events WHERE id = ${eventId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "No such event.");
}

/** What an audited change to an event says; who, where and which event are filled in. */
export type EventAudit = Pick<AuditEntry, "action" | "before" | "after" | "details"> &
  Partial<Pick<AuditEntry, "entityType" | "entityId">>;

/**
 * Records a change to an event (or, given `entityType`/`entityId`, to one of its ticket types) in
 * the change's transaction, on the organization's audit log.
 */
export function auditEventChange(
  tx: Tx,
  actor: Actor | null,
  event: { id: string; organizationId: string },
  entry: EventAudit,
) {
  return recordAudit(tx, {
    actorId: actor?.userId ?? null,
    organizationId: event.organizationId,
    entityType: "event",
    entityId: event.id,
    ...entry,
  });
}

/**
 * Runs one change to an event the way every authoring change runs: authorized, in one
 * transaction holding the event's lock, with the search-index update queued in that same
 * transaction, and the public event page's cache expired after the commit. `audit` records
 * the change on the audit log in that transaction (see `auditEventChange`).
 */
export async function changeEvent<T>(
  deps: AuthoringDeps,
  options: { actor: Actor; eventId: string },
  change: (tx: Tx, now: Date, audit: (entry: EventAudit) => Promise<void>) => Promise<T>,
): Promise<T> {
  const event = await authorizeEvent(deps.db, options.actor, options.eventId);
  const now = deps.clock();
  const result = await deps.db.$transaction(async (tx) => {
    await lockEvent(tx, event.id);
    const value = await change(tx, now, (entry) => auditEventChange(tx, options.actor, event, entry));
    await enqueueSearchSync(tx, event.id);
    return value;
  });
  expireEventPage(event.slug);
  return result;
}
