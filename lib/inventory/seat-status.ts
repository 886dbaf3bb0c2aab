import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { liveSeats } from "./availability";
import type { HoldStore } from "./hold-store";

/**
 * The seats of one event that cannot be bought, as the poll endpoint sends them: the JSON body
 * (`{ eventId, unavailable }`, serialized once per snapshot) and its strong ETag.
 */
export type SeatStatusSnapshot = { body: string; etag: string };

export type SeatStatusDeps = { db: DbOrTx; holds: HoldStore; clock: () => Date };

export interface SeatStatusCache {
  /** The event's snapshot, at most `ttlMs` old by `deps.clock`; 404 for an event that is not public. */
  get(deps: SeatStatusDeps, eventId: string): Promise<SeatStatusSnapshot>;
}

/** `GET /api/v1/events/{id}/seats?statusOnly=1`: the seats not for sale, from this process's cache. */
export function seatStatus(deps: SeatStatusDeps & { seatStatus: SeatStatusCache }, options: { eventId: string }) {
  return deps.seatStatus.get(deps, options.eventId);
}

/** How long a snapshot is served: the longest a seat taken elsewhere can still look free. */
export const SEAT_STATUS_TTL_MS = 1_000;

type Entry = { at: number; result: SeatStatusSnapshot | null };

/**
 * A per-process micro-cache of seat statuses with request coalescing: whatever the number of
 * pollers, each event costs at most one read (publicEventId, the unavailable seats and the hold
 * store's held seats) per `ttlMs`, and callers that miss together share that one read.
 *
 * Kept in process memory rather than in Redis: a Redis-held snapshot would put a network round
 * trip back on every poll to save the database one read per instance per second, which is not the
 * load that matters (N instances cost N reads a second per event, not one per poller). Failed
 * reads are never cached (a Redis outage answers 503 as before); "not public" is, for the TTL.
 */
export function seatStatusCache(options: { ttlMs?: number; maxEvents?: number } = {}): SeatStatusCache {
  const ttlMs = options.ttlMs ?? SEAT_STATUS_TTL_MS;
  const maxEvents = options.maxEvents ?? 10_000;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Entry>>();

  async function read(deps: SeatStatusDeps, eventId: string): Promise<Entry> {
    const at = deps.clock().getTime();
    try {
      const status = await liveSeats(deps, { eventId, statusOnly: true });
      const body = JSON.stringify(status);
      return { at, result: { body, etag: `"${createHash("sha1").update(body).digest("base64url")}"` } };
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") return { at, result: null };
      throw error;
    }
  }

  function remember(eventId: string, entry: Entry) {
    entries.delete(eventId);
    if (entries.size >= maxEvents) {
      // Map keeps insertion order and a refreshed entry is re-inserted, so the first key is the stalest.
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(eventId, entry);
  }

  function fresh(entry: Entry | undefined, now: number): entry is Entry {
    return entry !== undefined && now - entry.at < ttlMs && now >= entry.at;
  }

  return {
    async get(deps, eventId) {
      let entry = entries.get(eventId);
      if (!fresh(entry, deps.clock().getTime())) {
        let pending = inFlight.get(eventId);
        if (!pending) {
          pending = read(deps, eventId)
            .then((fetched) => (remember(eventId, fetched), fetched))
            .finally(() => inFlight.delete(eventId));
          inFlight.set(eventId, pending);
        }
        entry = await pending;
      }
      if (!entry.result) throw new AppError("NOT_FOUND", "No such event.");
      return entry.result;
    },
  };
}
