// The signed-in fan's live holds for an event, read in the browser: the event page is the same
// cached HTML for everyone, so what is theirs can only come from a per-user request.

import type { FanHold } from "@/lib/inventory/fan-holds";
import type { AsJson } from "@/lib/json-shape";

export type MyHold = AsJson<FanHold>;
export type MyHolds = { now: string; holds: MyHold[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The answer's holds, if it has the expected shape (anything else reads as "none known"). */
export function asMyHolds(body: unknown): MyHolds | null {
  if (!isRecord(body) || typeof body.now !== "string" || !Array.isArray(body.holds)) return null;
  const holds = body.holds.filter(
    (hold): hold is MyHold =>
      isRecord(hold) &&
      typeof hold.holdId === "string" &&
      typeof hold.expiresAt === "string" &&
      Array.isArray(hold.items) &&
      Array.isArray(hold.seatIds),
  );
  return { now: body.now, holds };
}

/**
 * The fan's holds for the event, or null for a visitor who isn't signed in (asked of Auth.js's
 * session endpoint first, which needs no database, so anonymous visitors never meet a 401).
 */
export async function fetchMyHolds(
  eventId: string,
  signal?: AbortSignal,
  fetcher: typeof fetch = fetch,
): Promise<MyHolds | null> {
  const session: unknown = await fetcher("/api/auth/session", { signal, cache: "no-store" })
    .then((response) => response.json())
    .catch(() => null);
  if (!isRecord(session) || !isRecord(session.user)) return null;
  const response = await fetcher(`/api/v1/me/holds?eventId=${encodeURIComponent(eventId)}`, {
    signal,
    cache: "no-store",
    credentials: "same-origin",
    headers: { accept: "application/json" },
  });
  if (!response.ok) return null;
  return asMyHolds(await response.json().catch(() => null));
}
