// Browser-side calls to the holds and seat-status endpoints, with every
// failure turned into something the pickers can show a fan.

import type { ApiError, HoldRequest, HoldResponse } from "./types";

export type HoldFailure =
  | { ok: false; kind: "unauthenticated"; message: string }
  | { ok: false; kind: "unavailable"; message: string; seatIds: string[]; ticketTypeIds: string[] }
  | { ok: false; kind: "rejected"; code: string; message: string };

export type HoldResult = { ok: true; hold: HoldResponse } | HoldFailure;

export const MESSAGES = {
  rateLimited: "Too many requests, try again in a moment.",
  offline: "We couldn't reach Marquee. Check your connection and try again.",
  server: "Something went wrong on our side. Please try again.",
  signIn: "Please sign in to hold tickets.",
  unavailable: "Sorry, some of those tickets were just taken.",
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function asApiError(body: unknown): ApiError["error"] | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { code, message, details } = body.error;
  if (typeof code !== "string" || typeof message !== "string") return null;
  if (!isRecord(details)) return { code, message };
  return {
    code,
    message,
    details: {
      ...details,
      unavailableSeatIds: stringArray(details.unavailableSeatIds),
      unavailableTicketTypeIds: stringArray(details.unavailableTicketTypeIds),
    },
  };
}

function asHold(body: unknown): HoldResponse | null {
  if (!isRecord(body) || typeof body.holdId !== "string" || body.holdId === "") return null;
  return {
    holdId: body.holdId,
    expiresAt: typeof body.expiresAt === "string" ? body.expiresAt : "",
    items: Array.isArray(body.items) ? (body.items as HoldResponse["items"]) : [],
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** Maps a response to a result; exported so it can be tested without a network. */
export function holdResult(status: number, body: unknown): HoldResult {
  if (status >= 200 && status < 300) {
    const hold = asHold(body);
    return hold ? { ok: true, hold } : { ok: false, kind: "rejected", code: "BAD_RESPONSE", message: MESSAGES.server };
  }
  const error = asApiError(body);
  if (status === 401) return { ok: false, kind: "unauthenticated", message: MESSAGES.signIn };
  if (status === 429) return { ok: false, kind: "rejected", code: "RATE_LIMITED", message: MESSAGES.rateLimited };
  if (status === 409 && error?.code === "SEAT_UNAVAILABLE") {
    return {
      ok: false,
      kind: "unavailable",
      message: error.message || MESSAGES.unavailable,
      seatIds: error.details?.unavailableSeatIds ?? [],
      ticketTypeIds: error.details?.unavailableTicketTypeIds ?? [],
    };
  }
  // 5xx messages are deliberately vague on the server; say something a fan can act on.
  if (status >= 500 || !error)
    return { ok: false, kind: "rejected", code: error?.code ?? "HTTP_ERROR", message: MESSAGES.server };
  return { ok: false, kind: "rejected", code: error.code, message: error.message };
}

export async function postHold(eventId: string, body: HoldRequest, fetcher: typeof fetch = fetch): Promise<HoldResult> {
  let response: Response;
  try {
    response = await fetcher(`/api/v1/events/${encodeURIComponent(eventId)}/holds`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, kind: "rejected", code: "NETWORK", message: MESSAGES.offline };
  }
  const answer = await readJson(response);
  // An event with a waiting room: the fan queues for a turn first (the queue page brings them back here).
  const queueUrl = asApiError(answer)?.details?.queueUrl;
  if (response.status === 403 && typeof queueUrl === "string" && queueUrl.startsWith("/")) {
    window.location.assign(queueUrl);
  }
  return holdResult(response.status, answer);
}

export type UnavailableSeats = Record<string, "HELD" | "SOLD">;

/** The live seat statuses, or null when they couldn't be read (the map then keeps what it has). */
export async function fetchUnavailableSeats(
  eventId: string,
  signal?: AbortSignal,
  fetcher: typeof fetch = fetch,
): Promise<UnavailableSeats | null> {
  const response = await fetcher(`/api/v1/events/${encodeURIComponent(eventId)}/seats?statusOnly=1`, {
    credentials: "same-origin",
    headers: { accept: "application/json" },
    // Revalidate every time: the browser sends If-None-Match and an unchanged map costs a 304.
    cache: "no-cache",
    signal,
  });
  if (!response.ok) return null;
  const body = await readJson(response);
  if (!isRecord(body) || !isRecord(body.unavailable)) return null;
  const unavailable: UnavailableSeats = {};
  for (const [id, status] of Object.entries(body.unavailable)) {
    if (status === "HELD" || status === "SOLD") unavailable[id] = status;
  }
  return unavailable;
}
