import { AppError } from "@/lib/errors";
import { retryAfterMs } from "@/lib/rate-limit/store";

/** How far back a fan's abandoned holds count (eventForSale reads them, lib/events/queries.ts). */
export const ABANDONED_HOLDS_WINDOW_MS = 60 * 60_000;

/**
 * Holds a fan may let go of for one event (release, or let lapse, without an order) within
 * ABANDONED_HOLDS_WINDOW_MS before they must wait: holding seats and letting them lapse in a loop
 * keeps them from everyone else, and a real fan rarely changes their mind three times an hour.
 */
export const ABANDONED_HOLDS_ALLOWED = 3;

/** Timestamps of a timestamp[] column as the database driver hands them over: UTC, with or without a zone. */
function instant(value: Date | string): Date {
  return value instanceof Date ? value : new Date(/(Z|[+-]\d\d(:?\d\d)?)$/.test(value) ? value : `${value}Z`);
}

/**
 * Refuses a new hold (429 RATE_LIMITED with Retry-After) while the fan has let ABANDONED_HOLDS_ALLOWED
 * holds of the event go within the window; `endedAt` oldest first, as eventForSale reads them.
 */
export function assertNotSquatting(endedAt: readonly (Date | string)[], now: Date): void {
  if (endedAt.length < ABANDONED_HOLDS_ALLOWED) return;
  const waitMs = retryAfterMs(
    endedAt.map((value) => instant(value).getTime()),
    { now: now.getTime(), windowMs: ABANDONED_HOLDS_WINDOW_MS, limit: ABANDONED_HOLDS_ALLOWED },
  );
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  throw new AppError(
    "RATE_LIMITED",
    `You let ${endedAt.length} holds for this event go in the last hour, so other fans get a turn. ` +
      `You can hold tickets for it again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), reason: "ABANDONED_HOLDS" },
  );
}
