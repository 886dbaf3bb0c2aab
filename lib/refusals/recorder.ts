import "server-only";
import { addressBlock } from "@/lib/client-ip";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { refusalReasonOf, type RefusalReason } from "./reasons";
import { addRefusalCounts, type RefusalCountRow } from "./store";

/** One refused attempt: for which event, why, by whom and from where. */
export type RefusalNote = {
  eventId: string;
  reason: RefusalReason;
  /** The fan's account; null when the attempt had none. */
  userId: string | null;
  /** The client's address as lib/client-ip.ts read it; counted by its block (lib/client-ip.ts: an IPv4 address, an IPv6 /64). */
  clientIp: string | null;
};

export interface RefusalRecorder {
  /** Counts a refusal in memory: no I/O, so a bot's burst costs the hot path a map update each. */
  note(refusal: RefusalNote): void;
  /** Writes the counts so far as one upsert; on failure they stay to be added to the next flush. */
  flush(): Promise<void>;
  /** Stops the periodic flush and flushes what is left. */
  stop(): Promise<void>;
}

export const REFUSAL_FLUSH_INTERVAL_MS = 2_000;
/**
 * Distinct (event, reason, account, block, minute) keys kept between flushes. Past it, new keys are
 * dropped (and the drop logged) rather than letting a flood of fresh addresses grow memory without
 * bound while the database is away; counts of keys already kept still add up.
 */
export const REFUSAL_MAX_KEYS = 50_000;

const MINUTE_MS = 60_000;
const SEP = "\u0000";

type Pending = RefusalCountRow;

/**
 * Refusals counted per instance and flushed every REFUSAL_FLUSH_INTERVAL_MS as one multi-row upsert
 * (counts add up across instances and flushes). What a crash loses: the counts since the last flush,
 * at most one interval's worth, plus any a failing database kept back; a clean shutdown flushes first.
 */
export function refusalRecorder(deps: {
  db: Db;
  clock: () => Date;
  flushIntervalMs?: number;
  maxKeys?: number;
}): RefusalRecorder {
  const maxKeys = deps.maxKeys ?? REFUSAL_MAX_KEYS;
  let pending = new Map<string, Pending>();
  let dropped = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  // Flushes run one after another: a second caller waits for the running one, then writes what is new.
  let chain: Promise<void> = Promise.resolve();

  function add(row: Pending) {
    const key = [row.eventId, row.minute.getTime(), row.reason, row.userId, row.addressBlock].join(SEP);
    const kept = pending.get(key);
    if (kept) {
      kept.count += row.count;
      if (row.lastAt > kept.lastAt) kept.lastAt = row.lastAt;
    } else if (pending.size < maxKeys) {
      pending.set(key, { ...row });
    } else {
      dropped += row.count;
    }
  }

  async function write() {
    if (dropped > 0) {
      log.warn({ dropped, keys: pending.size }, "refusal counts dropped: too many distinct keys between flushes");
      dropped = 0;
    }
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending = new Map();
    try {
      await addRefusalCounts(deps.db, batch);
    } catch (error) {
      // Kept for the next try, added to whatever arrived meanwhile.
      for (const row of batch) add(row);
      throw error;
    }
  }

  const flush = () => {
    const run = chain.then(write);
    chain = run.catch(() => undefined);
    return run;
  };

  function startTimer() {
    timer = setInterval(() => {
      flush().catch((error: unknown) => log.error({ err: error }, "refusal counts could not be written; kept"));
    }, deps.flushIntervalMs ?? REFUSAL_FLUSH_INTERVAL_MS);
    // The timer alone never keeps a process (a script, a test) alive.
    timer.unref();
  }

  return {
    note(refusal) {
      const at = deps.clock();
      add({
        eventId: refusal.eventId,
        reason: refusal.reason,
        userId: refusal.userId ?? "",
        addressBlock: refusal.clientIp ? addressBlock(refusal.clientIp) : "",
        minute: new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS),
        count: 1,
        lastAt: at,
      });
      if (!timer) startTimer();
    },
    flush,
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}

/**
 * Counts `error` for the event's organizer when it refuses the fan (lib/refusals/reasons.ts), and
 * hands it back to be thrown: `catch (error) { throw noteRefusal(…) }`.
 */
export function noteRefusal(
  refusals: RefusalRecorder,
  attempt: { eventId: string; userId: string; clientIp: string | null },
  error: unknown,
): unknown {
  const reason = refusalReasonOf(error);
  if (reason) refusals.note({ ...attempt, reason });
  return error;
}
