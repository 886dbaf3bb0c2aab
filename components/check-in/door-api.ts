// Browser-side calls to the check-in endpoints. A scan's outcome is one of three things: the server's
// answer, "unreachable" (no network, or the server failing: the scan waits in the queue and is sent again),
// or a refusal that sending again would not change (signed out, not allowed, bad input).

import type { Answer, Scan, Stats, Undone } from "./types";

export type Sent<T> =
  { kind: "answer"; value: T } | { kind: "unreachable" } | { kind: "refused"; status: number; message: string };

async function send<T>(url: string, init: RequestInit): Promise<Sent<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: "no-store" });
  } catch {
    return { kind: "unreachable" };
  }
  // 5xx (and 429) are the server's trouble, not the scan's: worth sending again later.
  if (response.status >= 500 || response.status === 429) return { kind: "unreachable" };
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) {
    const message = body?.error?.message ?? "The server refused this.";
    return { kind: "refused", status: response.status, message };
  }
  return { kind: "answer", value: body as T };
}

const ticketUrl = (code: string) => `/api/v1/tickets/${encodeURIComponent(code)}/check-in`;

/**
 * Sends a scan. A live scan leaves the time to the server's clock; a scan from the offline queue says when
 * it was made, so the earliest scan of a ticket wins however late it arrives.
 */
export function sendScan(eventId: string, deviceId: string, scan: Scan, options: { queued: boolean }) {
  const body = {
    eventId,
    deviceId,
    scanId: scan.scanId,
    ...(options.queued ? { scannedAt: scan.scannedAt } : {}),
  };
  return send<Answer>(ticketUrl(scan.code), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function sendUndo(code: string, deviceId: string) {
  return send<Undone>(`${ticketUrl(code)}?deviceId=${encodeURIComponent(deviceId)}`, { method: "DELETE" });
}

export function fetchStats(eventId: string) {
  return send<Stats>(`/api/v1/events/${encodeURIComponent(eventId)}/check-in/stats`, { method: "GET" });
}
