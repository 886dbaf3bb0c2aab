/** One attempt in a window: when it happened (epoch ms) and an id that tells it from others of the same ms. */
export type Hit = { at: number; id: string };

export type TakeOptions = { hit: Hit; windowMs: number; limit: number };

/** Let in (the hit was recorded), or refused (nothing was recorded) with the wait until a slot frees up. */
export type TakeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Where sliding windows live: Redis when configured, PostgreSQL otherwise. Both keep an exact
 * log of the hits of the last `windowMs` per key (not the two-counter approximation): the limits
 * are small (tens of hits), so a log costs little, and only a log can give one hit back.
 */
export interface RateLimitStore {
  /** Records `hit` under `key` unless `limit` hits newer than `hit.at - windowMs` are there already; atomic. */
  take(key: string, options: TakeOptions): Promise<TakeResult>;
  /** Removes one recorded hit again (an attempt that should not count, e.g. a correct password). */
  giveBack(key: string, hit: Hit): Promise<void>;
}

/** The wait until the oldest hits that keep the window full have left it. `hits` ascending. */
export function retryAfterMs(hits: readonly number[], options: { now: number; windowMs: number; limit: number }) {
  // With n >= limit hits in the window, n - limit + 1 of them must expire before one more fits.
  const mustExpire = hits[Math.max(0, hits.length - options.limit)] ?? options.now;
  return Math.max(1, mustExpire + options.windowMs - options.now);
}
