import "server-only";
import type { DbOrTx } from "@/lib/db";
import { retryAfterMs, type Hit, type RateLimitStore } from "./store";

/**
 * Sliding windows in `rate_limit_windows`: one row per key holding the epoch-ms of its recent hits.
 *
 * `take` is one INSERT … ON CONFLICT DO UPDATE. PostgreSQL locks the key's row for the update and
 * evaluates the SET on its latest version, so concurrent attempts on one key queue on that row and
 * each sees the hits of the others: the window can never be overfilled, and no advisory lock or
 * transaction is needed. The same statement drops hits that left the window and says (in
 * `allowed`) whether it added this one.
 *
 * Times come from the application's clock (like the hold stores), so tests can move time; app
 * servers' clocks must agree to within a small fraction of a window (NTP does).
 */
export function postgresRateLimitStore(db: DbOrTx): RateLimitStore {
  return {
    async take(key, { hit, windowMs, limit }) {
      const cutoff = hit.at - windowMs;
      const expiresAt = new Date(hit.at + windowMs);
      const [row] = await db.$queryRaw<{ allowed: boolean; hits: bigint[] }[]>`
        INSERT INTO rate_limit_windows AS w (key, hits, allowed, "expiresAt")
        VALUES (${key}, ARRAY[${hit.at}::bigint], true, ${expiresAt})
        ON CONFLICT (key) DO UPDATE SET (hits, allowed, "expiresAt") = (
          SELECT
            CASE WHEN cardinality(f.fresh) < ${limit} THEN f.fresh || ${hit.at}::bigint ELSE f.fresh END,
            cardinality(f.fresh) < ${limit},
            CASE WHEN cardinality(f.fresh) < ${limit} THEN ${expiresAt} ELSE w."expiresAt" END
          FROM (SELECT ARRAY(SELECT h FROM unnest(w.hits) AS h WHERE h > ${cutoff}::bigint ORDER BY h) AS fresh) AS f
        )
        RETURNING allowed, hits`;
      if (row!.allowed) return { allowed: true };
      const hits = row!.hits.map(Number);
      return { allowed: false, retryAfterMs: retryAfterMs(hits, { now: hit.at, windowMs, limit }) };
    },

    async giveBack(key, hit: Hit) {
      // Hits of one key in the same millisecond are interchangeable, so removing any one of them is exact.
      await db.$executeRaw`
        UPDATE rate_limit_windows
        SET hits = hits[:array_position(hits, ${hit.at}::bigint) - 1] || hits[array_position(hits, ${hit.at}::bigint) + 1:]
        WHERE key = ${key} AND ${hit.at}::bigint = ANY (hits)`;
    },
  };
}

/** Deletes windows whose every hit has expired; the worker runs it. Returns how many went. */
export function pruneRateLimitWindows(db: DbOrTx, now: Date): Promise<number> {
  return db.rateLimitWindow.deleteMany({ where: { expiresAt: { lte: now } } }).then((r) => r.count);
}
