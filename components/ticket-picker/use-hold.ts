"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postHold, type HoldFailure } from "./hold-api";
import type { HoldRequest } from "./types";

/**
 * Places a hold and moves on: to checkout when it succeeds, to sign-in (and
 * back here afterwards) when the fan isn't signed in. Anything else is handed
 * back to the picker, which knows how to explain it.
 */
export function useHold(eventId: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function submit(body: HoldRequest): Promise<HoldFailure | null> {
    setPending(true);
    const result = await postHold(eventId, body);
    // Stays pending while the next page loads, so the button can't be pressed twice.
    if (result.ok) {
      router.push(`/checkout/${encodeURIComponent(result.hold.holdId)}`);
      return null;
    }
    if (result.kind === "unauthenticated") {
      const here = window.location.pathname + window.location.search;
      router.push(`/signin?callbackUrl=${encodeURIComponent(here)}`);
      return null;
    }
    setPending(false);
    return result;
  }

  return { pending, submit };
}
