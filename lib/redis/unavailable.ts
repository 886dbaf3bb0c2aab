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
 * Settles with `promise`, or rejects with DeadlineExceeded after `ms`. The
 * underlying work is not cancelled (a command already written to Redis may
 * still run); callers must be safe against that — see lib/inventory/holds.ts.
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
