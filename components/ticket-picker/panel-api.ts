// Browser-side reads of the event page's live data: the ticket panel (by slug) and the
// seat map's immutable geometry (by its versioned URL, which the browser caches for a year).

import { decodeSeatGeometry, SEAT_MAP_VERSION_HEADER, type GeometrySeat } from "@/lib/events/seat-geometry-format";
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

type SlugGeometry = { version: string | null; seats: GeometrySeat[] | null };
const NOTHING: SlugGeometry = { version: null, seats: null };
/** Reads by slug started by `prefetchSeatGeometry`; the latest few events only. */
const bySlug = new Map<string, Promise<SlugGeometry>>();
const KEEP_SLUGS = 3;

/**
 * Starts reading an event's seat map by slug at once, in parallel with the live panel that names the
 * versioned URL (which would otherwise come one round trip later). Never fails: a read that goes
 * wrong only means the versioned URL is fetched as before.
 */
export function prefetchSeatGeometry(slug: string, fetcher: typeof fetch = fetch): void {
  if (bySlug.has(slug)) return;
  const reading = fetcher(`/api/v1/events/${encodeURIComponent(slug)}/seat-map`, {
    headers: { accept: "application/json" },
  })
    .then(async (response): Promise<SlugGeometry> => {
      if (!response.ok) return NOTHING;
      const seats = decodeSeatGeometry(await response.json().catch(() => null))?.seats ?? null;
      return { version: response.headers.get(SEAT_MAP_VERSION_HEADER), seats };
    })
    .catch(() => NOTHING);
  bySlug.set(slug, reading);
  while (bySlug.size > KEEP_SLUGS) bySlug.delete(bySlug.keys().next().value!);
}

/** Forgets what was read by slug (tests). */
export function forgetPrefetchedGeometry(): void {
  bySlug.clear();
}

/** The seats of a geometry file (a read by slug of the same version if one was started), or null. */
export async function fetchSeatGeometry(
  url: string,
  signal?: AbortSignal,
  fetcher: typeof fetch = fetch,
): Promise<GeometrySeat[] | null> {
  const version = new URL(url, "http://localhost").searchParams.get("v");
  const prefetched = (await Promise.all(bySlug.values())).find((g) => g.seats && g.version === version);
  if (prefetched?.seats) return prefetched.seats;
  const response = await fetcher(url, { headers: { accept: "application/json" }, signal });
  if (!response.ok) return null;
  return decodeSeatGeometry(await response.json().catch(() => null))?.seats ?? null;
}
