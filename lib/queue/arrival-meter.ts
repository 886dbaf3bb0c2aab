/**
 * Counts hold attempts per event in this process, over a sliding window of
 * one-second buckets, to notice an on-sale rush on an event whose waiting
 * room is off. Counting in memory keeps the hot path free of a shared write
 * (one counter row per event would serialize every fan's hold on it); the
 * price is that each instance judges the rush by its own share of it.
 */
export type ArrivalMeter = {
  /**
   * Counts one arrival at `nowMs`. Returns the arrivals per second over the
   * window when they exceed the limit and nobody in this process has been
   * told to switch the room on within the last window; otherwise null.
   */
  arrive(eventId: string, nowMs: number): number | null;
};

const WINDOW_SECONDS = 10;
/** Events with no arrival for this long are forgotten, so a long-lived process does not keep every event it saw. */
const FORGET_AFTER_MS = 5 * 60_000;

type Window = { counts: number[]; seconds: number[]; lastArrivalMs: number; toldAtMs: number };

export function arrivalMeter(options: { perSecondLimit: number }): ArrivalMeter {
  const windows = new Map<string, Window>();
  let lastSweepMs = 0;

  function sweep(nowMs: number) {
    if (nowMs - lastSweepMs < FORGET_AFTER_MS) return;
    lastSweepMs = nowMs;
    for (const [eventId, window] of windows) {
      if (nowMs - window.lastArrivalMs > FORGET_AFTER_MS) windows.delete(eventId);
    }
  }

  return {
    arrive(eventId, nowMs) {
      if (options.perSecondLimit <= 0) return null;
      sweep(nowMs);
      let window = windows.get(eventId);
      if (!window) {
        window = {
          counts: new Array<number>(WINDOW_SECONDS).fill(0),
          seconds: new Array<number>(WINDOW_SECONDS).fill(-1),
          lastArrivalMs: nowMs,
          toldAtMs: -Infinity,
        };
        windows.set(eventId, window);
      }
      const second = Math.floor(nowMs / 1000);
      const slot = second % WINDOW_SECONDS;
      if (window.seconds[slot] !== second) {
        window.seconds[slot] = second;
        window.counts[slot] = 0;
      }
      window.counts[slot]! += 1;
      window.lastArrivalMs = nowMs;

      let arrivals = 0;
      for (let i = 0; i < WINDOW_SECONDS; i++) {
        if (second - window.seconds[i]! < WINDOW_SECONDS) arrivals += window.counts[i]!;
      }
      const perSecond = arrivals / WINDOW_SECONDS;
      if (perSecond <= options.perSecondLimit || nowMs - window.toldAtMs < WINDOW_SECONDS * 1000) return null;
      window.toldAtMs = nowMs;
      return perSecond;
    },
  };
}
