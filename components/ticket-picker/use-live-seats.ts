"use client";

import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { fetchUnavailableSeats, type UnavailableSeats } from "./hold-api";
import type { SeatMapSeat, SeatStatus } from "./types";

const POLL_INTERVAL_MS = 5_000;

/**
 * Applies a status snapshot, reusing every seat object whose status didn't
 * change (and the array itself when none did) so memoised sections stay put.
 */
export function applyStatuses(seats: readonly SeatMapSeat[], unavailable: UnavailableSeats): readonly SeatMapSeat[] {
  return updateSeats(seats, (seat) => unavailable[seat.id] ?? "AVAILABLE");
}

export function markSeats(seats: readonly SeatMapSeat[], ids: readonly string[], status: SeatStatus) {
  const marked = new Set(ids);
  return updateSeats(seats, (seat) => (marked.has(seat.id) ? status : seat.status));
}

function updateSeats(seats: readonly SeatMapSeat[], statusOf: (seat: SeatMapSeat) => SeatStatus) {
  let changed = false;
  const next = seats.map((seat) => {
    const status = statusOf(seat);
    if (status === seat.status) return seat;
    changed = true;
    return { ...seat, status };
  });
  return changed ? next : seats;
}

/**
 * Keeps seat statuses live by polling every 5 s while the page is visible.
 * `onTaken` hears about seats that were available and no longer are.
 */
export function useLiveSeats(eventId: string, seats: readonly SeatMapSeat[], onTaken: (ids: string[]) => void) {
  const [state, setState] = useState({ initial: seats, live: seats });
  const current = state.initial === seats ? state : { initial: seats, live: seats };
  if (current !== state) setState(current);

  const receive = useEffectEvent((unavailable: UnavailableSeats) => {
    const taken = current.live.filter((seat) => seat.status === "AVAILABLE" && unavailable[seat.id]);
    setState((s) => ({ ...s, live: applyStatuses(s.live, unavailable) }));
    if (taken.length) onTaken(taken.map((seat) => seat.id));
  });

  useEffect(() => {
    let controller: AbortController | null = null;
    async function poll() {
      if (document.hidden) return;
      controller?.abort();
      controller = new AbortController();
      try {
        const unavailable = await fetchUnavailableSeats(eventId, controller.signal);
        if (unavailable) receive(unavailable);
      } catch {
        // Offline or aborted: keep showing the last known statuses; the next poll will catch up.
      }
    }
    const onVisibilityChange = () => void poll();
    void poll();
    const timer = window.setInterval(poll, POLL_INTERVAL_MS);
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      controller?.abort();
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [eventId]);

  /** Marks seats the server just refused as taken, without waiting for the next poll. */
  const markTaken = useCallback((ids: readonly string[]) => {
    setState((s) => ({ ...s, live: markSeats(s.live, ids, "HELD") }));
  }, []);

  return { liveSeats: current.live, markTaken };
}
