import { AppError } from "@/lib/errors";

/** How long a Redis command (or the first connection) may take before we call Redis down. */
export const REDIS_TIMEOUT_MS = 1_500;

/** What callers see while Redis cannot be reached: a 503, never a hang or a 500. */
export function redisUnavailable(): AppError {
  return new AppError("SERVICE_UNAVAILABLE", "This is unavailable for a moment. Please try again shortly.", {
    retryAfterSeconds: 5,
  });
}

export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "DeadlineExceeded";
  }
}

/**
 * Calls `onExpiry` once `ms` have passed and any input already waiting has been read.
 *
 * Timers run before I/O in each turn of the event loop, so after the loop was
 * blocked (a CPU-heavy request) an expired timer would fire before the reply
 * sitting in the socket is read, and a healthy Redis would be declared down.
 * Deferring by one setImmediate lets that pending I/O be handled first.
 */
export function afterDeadline(ms: number, onExpiry: () => void): () => void {
  let immediate: NodeJS.Immediate | undefined;
  const timer = setTimeout(() => (immediate = setImmediate(onExpiry)), ms);
  timer.unref(); // a deadline alone never keeps a process (a script, the worker) alive
  return () => {
    clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
  };
}

/**
 * Settles with `promise`, or rejects with DeadlineExceeded after `ms`. The
 * underlying work is not cancelled (a command already written to Redis may
 * still run); callers must be safe against that — see lib/inventory/holds.ts.
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let cancel: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    cancel = afterDeadline(ms, () => reject(new DeadlineExceeded(ms)));
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    cancel?.();
  }
}

/** An AbortSignal that aborts like AbortSignal.timeout(ms), but only after pending I/O was read (see above). */
export function deadlineSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  afterDeadline(ms, () => controller.abort(new DOMException(`no answer within ${ms} ms`, "TimeoutError")));
  return controller.signal;
}
