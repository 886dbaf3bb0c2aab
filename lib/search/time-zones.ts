import "server-only";
import type { Db } from "@/lib/db";
import { dateWindows, type DateWindow } from "./local-dates";
import type { SearchQuery } from "./engine";

// A venue's time zone is set when it is created and rarely changes; a new zone reaches date filters
// within this long (until then its events are missing from "today" and the like, never wrongly in them).
const TIME_ZONES_TTL_MS = 60_000;

const cache = new WeakMap<Db, { at: number; zones: Promise<string[]> }>();

/** Every venue time zone of the catalogue, read at most once a minute per database. */
export function catalogueTimeZones(db: Db, now = Date.now()): Promise<string[]> {
  const cached = cache.get(db);
  if (cached && now - cached.at < TIME_ZONES_TTL_MS) return cached.zones;
  const zones = db.venue
    .findMany({ distinct: ["timeZone"], select: { timeZone: true }, orderBy: { timeZone: "asc" } })
    .then((rows) => rows.map((row) => row.timeZone));
  // A failed read is not kept: the next search asks again.
  zones.catch(() => cache.delete(db));
  cache.set(db, { at: now, zones });
  return zones;
}

/** The query's calendar filter as per-zone windows, or null when it has none. */
export async function dateWindowsOf(db: Db, query: SearchQuery): Promise<DateWindow[] | null> {
  if (!query.dates) return null;
  return dateWindows(query.dates, await catalogueTimeZones(db), query.now);
}
