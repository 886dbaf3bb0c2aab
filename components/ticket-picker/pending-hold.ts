// What an anonymous fan asked to hold, kept through sign-in and sign-up in this tab's sessionStorage,
// keyed by event: the event page is the same cached HTML for everyone, so the selection cannot ride
// on the server, and a URL carrying seat ids would be long and end up in logs. Read back once, on
// the event page, which then holds it at once.

import type { HoldRequest } from "./types";

const PREFIX = "marquee:pending-hold:";
/** A selection older than this is stale: the seats have long been someone else's or the fan moved on. */
export const PENDING_HOLD_MAX_AGE_MS = 30 * 60_000;
const MAX_ITEMS = 50;

type Saved = { request: HoldRequest; savedAt: number };

/** sessionStorage, or null where it is unavailable (private modes, storage turned off). */
function sessionStore(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

const isId = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= 64;

/** The request, if the stored value is one (storage is the user's to edit, so nothing is trusted). */
export function asHoldRequest(value: unknown): HoldRequest | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.seatIds)) {
    const ids = record.seatIds;
    const valid = ids.length > 0 && ids.length <= MAX_ITEMS && ids.every(isId) && new Set(ids).size === ids.length;
    return valid ? { seatIds: ids as string[] } : null;
  }
  const { ticketTypeId, quantity } = record;
  if (
    isId(ticketTypeId) &&
    Number.isInteger(quantity) &&
    (quantity as number) >= 1 &&
    (quantity as number) <= MAX_ITEMS
  )
    return { ticketTypeId, quantity: quantity as number };
  return null;
}

export function savePendingHold(eventId: string, request: HoldRequest, now = Date.now(), store = sessionStore()) {
  try {
    store?.setItem(PREFIX + eventId, JSON.stringify({ request, savedAt: now } satisfies Saved));
  } catch {
    // Storage full or refused: the fan signs in all the same and picks again.
  }
}

/** The saved request for this event, if there is a fresh one; it stays saved until cleared. */
export function readPendingHold(eventId: string, now = Date.now(), store = sessionStore()): HoldRequest | null {
  let saved: unknown;
  try {
    saved = JSON.parse(store?.getItem(PREFIX + eventId) ?? "null");
  } catch {
    return null;
  }
  if (typeof saved !== "object" || saved === null) return null;
  const { request, savedAt } = saved as Partial<Saved>;
  if (typeof savedAt !== "number" || now - savedAt > PENDING_HOLD_MAX_AGE_MS || savedAt > now + 60_000) return null;
  return asHoldRequest(request);
}

export function clearPendingHold(eventId: string, store = sessionStore()) {
  try {
    store?.removeItem(PREFIX + eventId);
  } catch {
    // Nothing to clear.
  }
}
