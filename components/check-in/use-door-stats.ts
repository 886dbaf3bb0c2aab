"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { fetchStats } from "./door-api";
import type { Stats } from "./types";

const EVERY_MS = 5_000;
const AT_MOST_MS = 60_000;

/**
 * Arrivals against sold, read every 5 s; each failure doubles the wait (up to a minute) so a door full of
 * phones on a bad network does not hammer the server, and the first success goes back to 5 s. `refresh`
 * reads at once (after a scan or an undo). `fresh` is false while the last read failed.
 */
export function useDoorStats(eventId: string, initial: Stats) {
  const [stats, setStats] = useState(initial);
  const [fresh, setFresh] = useState(true);
  const wake = useRef<() => void>(() => {});

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = EVERY_MS;
    let stopped = false;
    const poll = async () => {
      clearTimeout(timer);
      const sent = await fetchStats(eventId);
      if (stopped) return;
      if (sent.kind === "answer") {
        setStats(sent.value);
        setFresh(true);
        delay = EVERY_MS;
      } else {
        setFresh(false);
        delay = Math.min(delay * 2, AT_MOST_MS);
      }
      // A refresh may have run meanwhile: only one timer stays.
      clearTimeout(timer);
      timer = setTimeout(() => void poll(), delay);
    };
    wake.current = () => void poll();
    timer = setTimeout(() => void poll(), EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [eventId]);

  const refresh = useCallback(() => wake.current(), []);
  return { stats, fresh, refresh };
}
