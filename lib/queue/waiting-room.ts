import "server-only";
import type { DbOrTx } from "@/lib/db";
import { assertEmailVerified } from "@/lib/auth/email-verification";
import { AppError } from "@/lib/errors";
import { saleState } from "@/lib/events/sale-state";
import { isNewAccount, NEW_ACCOUNT_DEFERRAL, NEW_ACCOUNT_WEIGHT, weightedLobbyRank } from "./account-age";
import { secureRandom, type Random } from "./random";
import type { QueueControl, QueueEntry, QueueStore } from "./store";
import { signAdmissionToken } from "./tokens";

/** How long an admitted fan has to hold tickets before the turn passes to the next fan. */
export const ADMISSION_WINDOW_MS = 5 * 60_000;

export type QueueDeps = {
  db: DbOrTx;
  queue: QueueStore;
  clock: () => Date;
  config: { AUTH_SECRET: string };
  /** Draws lobby places; tests pass a seeded one. */
  random?: Random;
};

export type QueueStatus = "WAITING" | "ADMITTED" | "EXPIRED" | "SOLD_OUT";

/** What a fan is told about their place (GET/POST /api/v1/events/{id}/queue). */
export type QueueView = {
  eventId: string;
  status: QueueStatus;
  /** 1-based place among the fans still waiting; null when not waiting, and in the lobby before the sale opens. */
  position: number | null;
  /** Seconds until admission at the rate fans were admitted over the last seconds; null when that rate is unknown. */
  etaSeconds: number | null;
  /** Waiting before the on-sale moment: the place is drawn at random when the sale opens. */
  lobby: boolean;
  onSaleAt: string;
  paused: boolean;
  /** For ADMITTED: the end of the turn, and the token for the hold (absent once a hold has spent it). */
  admittedUntil?: string;
  admissionToken?: string;
};

type QueuedEvent = { id: string; slug: string; onSaleAt: Date };

/** The event of a queue call: published, not cancelled or started, with its waiting room on. */
export async function queuedEvent(db: DbOrTx, eventId: string, now: Date): Promise<QueuedEvent> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, slug: true, status: true, onSaleAt: true, startsAt: true, queueEnabled: true },
  });
  const state = event ? saleState(event, now) : "draft";
  if (!event || state === "draft") throw new AppError("NOT_FOUND", "No such event.");
  if (state === "cancelled") throw new AppError("EVENT_NOT_ON_SALE", "This event has been cancelled.");
  if (state === "started") throw new AppError("EVENT_NOT_ON_SALE", "This event has already started.");
  if (!event.queueEnabled) {
    throw new AppError("CONFLICT", "This event has no waiting room: hold tickets on the event page.");
  }
  return event;
}

/** Whether any ticket of the event's public types is still unsold (held ones may come back). */
export async function hasUnsoldTickets(db: DbOrTx, eventId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ unsold: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM ticket_types WHERE "eventId" = ${eventId} AND NOT hidden AND sold < capacity
    ) AS unsold`;
  return row?.unsold ?? false;
}

/**
 * Puts the fan in the event's line, once (a reload or second tab changes
 * nothing). Before the on-sale moment they wait in the lobby and their place
 * is a random draw, revealed when the sale opens; afterwards they join the
 * back. Accounts made minutes ago draw with a smaller weight, or join further
 * back (account-age.ts). A fan arriving after the last ticket sold is told so at once.
 */
export async function joinQueue(deps: QueueDeps, options: { eventId: string; userId: string }): Promise<QueueView> {
  const now = deps.clock();
  const event = await queuedEvent(deps.db, options.eventId, now);
  // Said now rather than when the turn comes: confirming an address takes longer than a turn lasts.
  const { accountCreatedAt } = await assertEmailVerified(deps.db, options.userId);
  const newAccount = isNewAccount(accountCreatedAt, now);
  const entry = await deps.queue.join({
    eventId: event.id,
    userId: options.userId,
    now,
    lobby: now < event.onSaleAt,
    lobbyRank: weightedLobbyRank((deps.random ?? secureRandom)(), newAccount ? NEW_ACCOUNT_WEIGHT : 1),
    deferral: newAccount ? NEW_ACCOUNT_DEFERRAL : 0,
  });
  let control = await deps.queue.control(event.id);
  // The admission loop marks a sell-out within a tick; a fan arriving first must not wait for it.
  if (!control.soldOut && now >= event.onSaleAt && !(await hasUnsoldTickets(deps.db, event.id))) {
    control = await deps.queue.setControl(event.id, { soldOut: true });
  }
  return queueView(deps, { event, userId: options.userId, entry, control, now });
}

/** Where the fan stands; NOT_FOUND when they have not joined (the queue page then joins). */
export async function queueStatus(deps: QueueDeps, options: { eventId: string; userId: string }): Promise<QueueView> {
  const now = deps.clock();
  const event = await queuedEvent(deps.db, options.eventId, now);
  const [entry, control] = await Promise.all([
    deps.queue.entry(event.id, options.userId, now),
    deps.queue.control(event.id),
  ]);
  if (!entry) throw new AppError("NOT_FOUND", "You are not in this event's queue yet.");
  return queueView(deps, { event, userId: options.userId, entry, control, now });
}

/**
 * An event's line as the live channel reads it: the event, its control and every waiting fan's
 * position, read once a second per process for all of the event's streams (lib/queue/stream.ts), so
 * a room of thousands costs the store three reads a second per instance, not one per fan.
 */
export type LineSnapshot = { event: QueuedEvent; control: QueueControl; positions: Map<string, number> };

export async function readLineSnapshot(deps: QueueDeps, eventId: string): Promise<LineSnapshot> {
  const event = await queuedEvent(deps.db, eventId, deps.clock());
  const [control, line] = await Promise.all([deps.queue.control(event.id), deps.queue.waitingLine(event.id)]);
  return { event, control, positions: new Map(line.map((userId, index) => [userId, index + 1])) };
}

/** A waiting fan's view from a snapshot; null when they are not waiting in it (admitted, lapsed, never joined). */
export function viewFromSnapshot(
  deps: QueueDeps,
  options: { snapshot: LineSnapshot; userId: string; now: Date },
): QueueView | null {
  const { snapshot, userId, now } = options;
  const position = snapshot.positions.get(userId);
  if (position === undefined) return null;
  const entry: QueueEntry = {
    state: "WAITING",
    // Everyone still waiting before the on-sale moment is in the lobby (their place is not shown yet).
    lobby: now < snapshot.event.onSaleAt,
    joinedAt: now,
    position,
    admittedAt: null,
    expiresAt: null,
    admissionId: null,
  };
  return queueView(deps, { event: snapshot.event, userId, entry, control: snapshot.control, now });
}

function queueView(
  deps: QueueDeps,
  options: { event: QueuedEvent; userId: string; entry: QueueEntry; control: QueueControl; now: Date },
): QueueView {
  const { event, entry, control, now } = options;
  const inLobby = now < event.onSaleAt;
  const base = {
    eventId: event.id,
    lobby: entry.lobby && inLobby,
    onSaleAt: event.onSaleAt.toISOString(),
    paused: control.paused,
    position: null,
    etaSeconds: null,
  };
  // A spent turn stays "admitted": the fan is on to checkout with the hold they took.
  if (entry.state === "USED") return { ...base, status: "ADMITTED", admittedUntil: entry.expiresAt!.toISOString() };
  if (control.soldOut) return { ...base, status: "SOLD_OUT" };
  if (entry.state === "EXPIRED") return { ...base, status: "EXPIRED" };
  if (entry.state === "ADMITTED") {
    return {
      ...base,
      status: "ADMITTED",
      admittedUntil: entry.expiresAt!.toISOString(),
      admissionToken: signAdmissionToken(deps.config.AUTH_SECRET, {
        eventId: event.id,
        userId: options.userId,
        admissionId: entry.admissionId!,
        expiresAt: entry.expiresAt!,
      }),
    };
  }
  const position = inLobby ? null : entry.position;
  return { ...base, status: "WAITING", position, etaSeconds: etaSeconds(position, control) };
}

/** The wait at the measured admission rate; unknown while paused, before the first admissions, or in the lobby. */
export function etaSeconds(position: number | null, control: Pick<QueueControl, "paused" | "admittedPerMinute">) {
  if (position === null || control.paused || control.admittedPerMinute <= 0) return null;
  return Math.ceil((position * 60) / control.admittedPerMinute);
}
