"use client";

import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { postHold, type HoldFailure } from "./hold-api";
import { clearPendingHold, readPendingHold, savePendingHold } from "./pending-hold";
import type { HoldRequest } from "./types";

/**
 * Places a hold and moves on to checkout when it succeeds. A fan who isn't
 * signed in is told why sign-in is needed (`signInNeeded`) and what they
 * picked is kept for this event (pending-hold.ts); back here after signing in,
 * `resumed` is that request, for the picker to show and hold again. Anything
 * else is handed back to the picker, which knows how to explain it.
 */
export function useHold(eventId: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [signInNeeded, setSignInNeeded] = useState(false);
  // Read once: the pickers render only in the browser (after the live panel loads), never on the server.
  const [resumed] = useState(() => readPendingHold(eventId));

  async function submit(body: HoldRequest): Promise<HoldFailure | null> {
    setPending(true);
    setSignInNeeded(false);
    const result = await postHold(eventId, body);
    // Stays pending while the next page loads, so the button can't be pressed twice.
    if (result.ok) {
      clearPendingHold(eventId);
      router.push(`/checkout/${encodeURIComponent(result.hold.holdId)}`);
      return null;
    }
    setPending(false);
    if (result.kind === "unauthenticated") {
      savePendingHold(eventId, body);
      setSignInNeeded(true);
    }
    return result;
  }

  return { pending, submit, signInNeeded, resumed };
}

/**
 * Runs `run` once, as soon as `ready`, when there is a request kept through sign-in: the fan
 * comes back to the event and the hold is taken at once. The saved copy is cleared first, so
 * a failure (the seats went meanwhile) never repeats on the next visit.
 */
export function useResumeHold(
  eventId: string,
  resumed: HoldRequest | null,
  ready: boolean,
  run: (request: HoldRequest) => void,
) {
  const started = useRef(false);
  const start = useEffectEvent(run);
  useEffect(() => {
    if (!resumed || !ready || started.current) return;
    started.current = true;
    clearPendingHold(eventId);
    start(resumed);
  }, [eventId, resumed, ready]);
}
