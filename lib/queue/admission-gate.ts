import "server-only";
import type { Db } from "@/lib/db";
import { assertEmailVerified } from "@/lib/auth/email-verification";
import { AppError } from "@/lib/errors";
import { switchOnWaitingRoomUnderLoad } from "@/lib/events/waiting-room-switch";
import type { ArrivalMeter } from "./arrival-meter";
import type { QueueStore } from "./store";
import { checkAdmissionToken, type TokenCheck } from "./tokens";

export type GateDeps = {
  db: Db;
  queue: QueueStore;
  clock: () => Date;
  config: { AUTH_SECRET: string };
  /** Notices a rush on an event without a room (QUEUE_AUTO_ON_ARRIVALS_PER_SECOND); absent: never switched on automatically. */
  arrivals?: ArrivalMeter;
};

const REFUSALS: Record<Exclude<TokenCheck, { ok: true }>["reason"] | "missing" | "spent", string> = {
  missing: "This event has a waiting room: join the queue to get your turn.",
  malformed: "That admission token is not valid: join the queue to get your turn.",
  forged: "That admission token is not valid: join the queue to get your turn.",
  "other-event": "That admission token is for another event: join this event's queue.",
  "other-fan": "That admission token was given to another account: join the queue to get your own turn.",
  expired: "Your turn has passed: join the queue again.",
  spent: "Your turn has been used or has passed: join the queue again.",
};

/** The cookie that carries a browser's admission token to the event's hold endpoint (and nowhere else). */
export const admissionCookie = (eventId: string) => ({
  name: `marquee-admission-${eventId}`,
  path: `/api/v1/events/${eventId}/holds`,
});

/**
 * A hold's pass through the waiting room, given the event as the hold read it (so it costs no extra
 * read). Events without one pass freely, counted by the arrival meter: the hold that finds fans
 * arriving faster than the configured rate switches the room on, and the holds after it queue. For a queued event the fan's address must be confirmed
 * (checked before the turn is touched, so confirming it keeps the turn) and their token genuine,
 * theirs, for this event and live; its admission is spent here (one hold per turn: a replay, or two
 * holds racing with one token, is refused). Returns what gives the turn back when the hold itself
 * then fails (seats just taken), so a fan never loses their turn to someone else's click.
 */
export async function passWaitingRoom(
  deps: GateDeps,
  options: { event: { id: string; slug: string; queueEnabled: boolean }; userId: string; token: string | null },
): Promise<{ giveBack(): Promise<void> } | null> {
  const { event } = options;
  if (!event.queueEnabled) {
    const now = deps.clock();
    const arrivalsPerSecond = deps.arrivals?.arrive(event.id, now.getTime()) ?? null;
    if (arrivalsPerSecond !== null) {
      await switchOnWaitingRoomUnderLoad(deps.db, { eventId: event.id, arrivalsPerSecond, now });
    }
    return null;
  }
  const refuse = (reason: keyof typeof REFUSALS) =>
    new AppError("QUEUE_REQUIRED", REFUSALS[reason], { reason, queueUrl: `/events/${event.slug}/queue` });
  if (!options.token) throw refuse("missing");
  await assertEmailVerified(deps.db, options.userId);
  const now = deps.clock();
  const check = checkAdmissionToken(deps.config.AUTH_SECRET, options.token, {
    eventId: event.id,
    userId: options.userId,
    now,
  });
  if (!check.ok) throw refuse(check.reason);
  if (!(await deps.queue.consume(event.id, options.userId, check.admissionId, now))) throw refuse("spent");
  return { giveBack: () => deps.queue.restore(event.id, options.userId, check.admissionId) };
}

/** The admission token of a hold request: the X-Admission-Token header, else the browser's cookie for the event. */
export function admissionTokenOf(request: Request, eventId: string): string | null {
  const header = request.headers.get("x-admission-token")?.trim();
  if (header) return header;
  const { name } = admissionCookie(eventId);
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("=")) || null;
  }
  return null;
}

/** Set-Cookie for an admission: HttpOnly, sent only to this event's hold endpoint, gone when the turn ends. */
export function admissionCookieHeader(
  options: { eventId: string; token: string; expiresAt: Date; now: Date },
  secure: boolean,
): string {
  const { name, path } = admissionCookie(options.eventId);
  const maxAge = Math.max(0, Math.floor((options.expiresAt.getTime() - options.now.getTime()) / 1000));
  return `${name}=${encodeURIComponent(options.token)}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}
