"use client";

import { useSyncExternalStore } from "react";

// Below Tailwind's `sm` breakpoint, or wherever a finger is the main pointer, the picker
// opens on the section overview instead of the whole venue's seats.
const COMPACT_QUERY = "(max-width: 639.98px), (pointer: coarse)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(COMPACT_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** True on phones and touch-first tablets; false on the server (the picker renders only in the browser). */
export function useCompactScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(COMPACT_QUERY).matches,
    () => false,
  );
}
