import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { MEMBER_ROLES } from "@/lib/auth/memberships";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeEvent } from "@/lib/events/event-access";
import { seatName } from "@/lib/seat-order";
import type { CheckInInput, CheckInView, ScanAnswer, ScannedTicket, UndoAnswer } from "./schemas";
import { normalizeTicketCode } from "./ticket-code";

export type CheckInDeps = { db: Db; clock: () => Date };

// lib/check-in owns check_ins and the check-in column of tickets ("checkedInAt"), as lib/inventory owns the
// sale columns of seats. "Is this ticket in?" is that column; the guard is one conditional UPDATE of it.

const ticketSelect = {
  id: true,
  code: true,
  status: true,
  eventId: true,
  event: { select: { organizationId: true, title: true, startsAt: true } },
  ticketType: { select: { name: true } },
  seat: { select: { section: true, row: true, number: true } },
} as const;

const checkInSelect = {
  id: true,
  scanId: true,
  deviceId: true,
  scannedAt: true,
  checkedInBy: { select: { name: true } },
} as const;

type TicketRow = NonNullable<Awaited<ReturnType<typeof findTicket>>>;
type CheckInRow = NonNullable<Awaited<ReturnType<typeof liveCheckIn>>>;

function findTicket(db: DbOrTx, code: string) {
  return db.ticket.findUnique({ where: { code }, select: ticketSelect });
}

function liveCheckIn(db: DbOrTx, ticketId: string) {
  return db.checkIn.findFirst({ where: { ticketId, undoneAt: null, supersededAt: null }, select: checkInSelect });
}

const scanned = (ticket: TicketRow): ScannedTicket => ({
  code: ticket.code,
  ticketType: ticket.ticketType.name,
  seat: ticket.seat ? seatName(ticket.seat) : null,
});

const view = (row: CheckInRow): CheckInView => ({
  at: row.scannedAt,
  by: row.checkedInBy?.name ?? null,
  deviceId: row.deviceId,
});

/** Tries that lost to an undo between their UPDATE and their read start again; more than a few means a bug. */
const ATTEMPTS = 3;

/**
 * Answers one scan at the door and, when it lets the ticket in, records the check-in.
 *
 * - The caller must be a member of the event's organization (check-in staff included) or an admin.
 * - A code that is no ticket of this organization is NOT_FOUND (another organization's tickets are not
 *   confirmed to exist); a ticket of another of its events is WRONG_EVENT; a voided one (refunded,
 *   transferred) VOID.
 * - The same scan again (same `scanId`) gets the answer it got: a VALID stays VALID for the device that
 *   made it, even after another scan or an undo.
 * - Two scans at once: the UPDATE of `tickets."checkedInAt"` takes the ticket's row lock and re-checks its
 *   condition after the winner commits, so exactly one gets VALID and the others read the winner's check-in.
 * - A scan queued offline (`scannedAt` given) that reaches the server after a later scan of the same ticket
 *   wins: the earliest scan is the check-in of record and the later one is marked superseded.
 */
export async function checkInTicket(
  deps: CheckInDeps,
  input: CheckInInput & { actor: Actor; code: string },
): Promise<ScanAnswer> {
  const { db } = deps;
  const event = await authorizeEvent(db, input.actor, input.eventId, MEMBER_ROLES);
  const code = normalizeTicketCode(input.code);
  const ticket = code ? await findTicket(db, code) : null;
  if (!ticket || ticket.event.organizationId !== event.organizationId) {
    return { result: "NOT_FOUND", code: code ?? input.code.trim().slice(0, 40) };
  }
  if (ticket.eventId !== event.id) {
    return {
      result: "WRONG_EVENT",
      ticket: scanned(ticket),
      event: { title: ticket.event.title, startsAt: ticket.event.startsAt },
    };
  }
  if (input.scanId) {
    const earlier = await db.checkIn.findUnique({
      where: { ticketId_scanId: { ticketId: ticket.id, scanId: input.scanId } },
      select: checkInSelect,
    });
    if (earlier) return { result: "VALID", ticket: scanned(ticket), checkIn: view(earlier), replayed: true };
  }
  if (ticket.status !== "ISSUED") return { result: "VOID", ticket: scanned(ticket) };

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const answer = await db.$transaction((tx) => attemptCheckIn(tx, deps.clock(), ticket, input));
    if (answer) return answer;
  }
  throw new AppError("CONFLICT", "The ticket's check-in kept changing while it was scanned; scan it again.");
}

/** One try: the guard, then either the record of the check-in or what beat it. Null: try again. */
async function attemptCheckIn(
  tx: Tx,
  now: Date,
  ticket: TicketRow,
  input: CheckInInput & { actor: Actor },
): Promise<ScanAnswer | null> {
  const queued = input.scannedAt !== undefined;
  // A device clock ahead of the server's cannot date a scan in the future.
  const scannedAt = input.scannedAt && input.scannedAt < now ? input.scannedAt : now;
  const won = await tx.$executeRaw`
    UPDATE tickets SET "checkedInAt" = ${scannedAt}, "updatedAt" = ${now}
    WHERE id = ${ticket.id} AND status = 'ISSUED'
      AND ("checkedInAt" IS NULL OR (${queued}::boolean AND "checkedInAt" > ${scannedAt}))`;
  const live = await liveCheckIn(tx, ticket.id);

  if (won === 0) {
    const current = await tx.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } });
    if (current.status !== "ISSUED") return { result: "VOID", ticket: scanned(ticket) };
    if (!live) return null;
    // The same scan sent twice at once: the copy that lost the lock reads its own twin's check-in.
    if (input.scanId && live.scanId === input.scanId) {
      return { result: "VALID", ticket: scanned(ticket), checkIn: view(live), replayed: true };
    }
    return { result: "ALREADY_CHECKED_IN", ticket: scanned(ticket), checkIn: view(live) };
  }

  if (live) await tx.checkIn.update({ where: { id: live.id }, data: { supersededAt: now } });
  const created = await tx.checkIn.create({
    data: {
      ticketId: ticket.id,
      eventId: ticket.eventId,
      scanId: input.scanId ?? null,
      deviceId: input.deviceId,
      checkedInById: input.actor.userId,
      scannedAt,
    },
    select: checkInSelect,
  });
  await recordAudit(tx, {
    actorId: input.actor.userId,
    organizationId: ticket.event.organizationId,
    action: "ticket.checked_in",
    entityType: "ticket",
    entityId: ticket.id,
    after: { checkedInAt: scannedAt.toISOString() },
    details: {
      checkInId: created.id,
      eventId: ticket.eventId,
      deviceId: input.deviceId,
      ...(input.scanId ? { scanId: input.scanId } : {}),
      ...(queued ? { queuedOffline: true } : {}),
      ...(live ? { supersededCheckInId: live.id } : {}),
    },
  });
  return { result: "VALID", ticket: scanned(ticket), checkIn: view(created), replayed: false };
}

/**
 * Undoes a ticket's live check-in (a mistaken scan), so the ticket scans VALID again. Any member of the
 * event's organization may; a ticket that is not checked in is a 409.
 */
export async function undoCheckIn(
  deps: CheckInDeps,
  input: { actor: Actor; code: string; deviceId?: string },
): Promise<UndoAnswer> {
  const { db } = deps;
  const code = normalizeTicketCode(input.code);
  const ticket = code ? await findTicket(db, code) : null;
  if (!ticket) throw new AppError("NOT_FOUND", "No such ticket.");
  try {
    await authorizeEvent(db, input.actor, ticket.eventId, MEMBER_ROLES);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "No such ticket.");
    throw error;
  }
  const now = deps.clock();
  return db.$transaction(async (tx) => {
    const cleared = await tx.$executeRaw`
      UPDATE tickets SET "checkedInAt" = NULL, "updatedAt" = ${now}
      WHERE id = ${ticket.id} AND "checkedInAt" IS NOT NULL`;
    const live = cleared ? await liveCheckIn(tx, ticket.id) : null;
    if (!live) throw new AppError("CONFLICT", "This ticket is not checked in.");
    await tx.checkIn.update({ where: { id: live.id }, data: { undoneAt: now, undoneById: input.actor.userId } });
    await recordAudit(tx, {
      actorId: input.actor.userId,
      organizationId: ticket.event.organizationId,
      action: "ticket.check_in_undone",
      entityType: "ticket",
      entityId: ticket.id,
      before: { checkedInAt: live.scannedAt.toISOString() },
      after: { checkedInAt: null },
      details: {
        checkInId: live.id,
        eventId: ticket.eventId,
        ...(input.deviceId ? { deviceId: input.deviceId } : {}),
      },
    });
    return { ticket: scanned(ticket), undone: view(live) };
  });
}
