// Browser-side reads of the event page's live data: the ticket panel (by slug) and the
// seat map's immutable geometry (by its versioned URL, which the browser caches for a year).

import { decodeSeatGeometry, type GeometrySeat } from "@/lib/events/seat-geometry-format";
import type { TicketPanelData } from "./types";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The live panel, or null when it could not be read (the panel then offers to try again). */
export async function fetchTicketPanel(
  slug: string,
  signal?: AbortSignal,
  fetcher: typeof fetch = fetch,
): Promise<TicketPanelData | null> {
  const response = await fetcher(`/api/v1/events/${encodeURIComponent(slug)}/availability`, {
    headers: { accept: "application/json" },
    cache: "no-store",
    signal,
  });
  if (!response.ok) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!isRecord(body) || typeof body.eventId !== "string" || !Array.isArray(body.tiers)) return null;
  return body as TicketPanelData;
}

/** The seats of a geometry file, or null when it could not be read. */
export async function fetchSeatGeometry(
  url: string,
  signal?: AbortSignal,
  fetcher: typeof fetch = fetch,
): Promise<GeometrySeat[] | null> {
  const response = await fetcher(url, { headers: { accept: "application/json" }, signal });
  if (!response.ok) return null;
  return decodeSeatGeometry(await response.json().catch(() => null))?.seats ?? null;
}
