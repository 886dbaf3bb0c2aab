import "server-only";
import type { Db } from "@/lib/db";

export type PruneOptions = {
  /** Events that start before this are past: their terms go too. */
  now: Date;
  /** How long to wait for transactions that are adding terms before giving up until the next run. */
  lockWaitMs?: number;
};

const DEFAULT_LOCK_WAIT_MS = 2_000;

/**
 * Deletes the search terms (words, performer, venue and city names) that no published, upcoming
 * event uses any more: those of events cancelled, unpublished, edited or started since the last
 * run. New terms only ever come from published events (the trigger in the migration
 * 20261201120000_search_terms_public_only), so this is what keeps typo correction from offering
 * words of events the public can no longer see. Suggestions check each name at query time as
 * well, so they do not wait for this. The work is the SQL function marquee_prune_search_terms
 * (one read of the public catalogue, then a short locked re-check of the candidates).
 *
 * `deferred` is 1 when writers held search_terms for longer than `lockWaitMs`; the worker simply
 * runs it again at its next tick.
 */
export async function pruneSearchTerms(db: Db, options: PruneOptions): Promise<{ removed: number; deferred: number }> {
  const lockWait = `${Math.max(1, Math.round(options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS))} milliseconds`;
  const [row] = await db.$queryRaw<{ removed: number | null }[]>`
    SELECT marquee_prune_search_terms(${options.now}::timestamp, ${lockWait}::interval) AS removed`;
  const removed = row?.removed ?? null;
  return removed === null ? { removed: 0, deferred: 1 } : { removed, deferred: 0 };
}
