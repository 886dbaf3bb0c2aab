"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { payAction } from "@/app/(shop)/checkout/actions";
import { useSecondsLeft } from "./countdown";
import type { HeldWords } from "./held-words";
import { ReleaseHoldButton } from "./release-hold";

type CheckoutButtonsProps = {
  holdId: string;
  eventSlug: string;
  total: string;
  what: HeldWords;
  /** The hold's end and the server's time when the page was made: the countdown follows the server. */
  expiresAt: string;
  serverNow: string;
};

const primaryClass =
  "block w-full rounded-lg bg-brand-600 px-4 py-3 text-center text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-60";

/**
 * Pay (or let go of) a live hold. When the hold ends while the page is open, or once it is
 * released, Pay gives way to "Pick seats again": paying for seats that are back on sale would fail.
 */
export function CheckoutButtons({ holdId, eventSlug, total, what, expiresAt, serverNow }: CheckoutButtonsProps) {
  const [payState, pay, paying] = useActionState(payAction, { ok: true });
  const [released, setReleased] = useState(false);
  const seconds = useSecondsLeft(expiresAt, serverNow);
  const eventHref = `/events/${encodeURIComponent(eventSlug)}`;

  if (released || seconds === 0) {
    return (
      <div className="mt-4 flex flex-col gap-3">
        <p role="status" data-testid="hold-ended" className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
          {released
            ? `Released. Your ${what.text} ${what.verb} back on sale.`
            : `Your hold has ended and your ${what.text} went back on sale. Pick again: they may still be free.`}
        </p>
        <Link href={eventHref} className={primaryClass}>
          Pick seats again
        </Link>
      </div>
    );
  }

  return (
    <div className="mt-4 flex flex-col gap-3">
      {payState.message && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {payState.message}
        </p>
      )}
      <form action={pay}>
        <input type="hidden" name="holdId" value={holdId} />
        <button type="submit" disabled={paying} className={primaryClass}>
          {paying ? "Opening payment…" : `Pay ${total}`}
        </button>
      </form>
      <ReleaseHoldButton
        holdId={holdId}
        what={what.text}
        onReleased={() => setReleased(true)}
        className="w-full rounded-lg px-4 py-2 text-slate-700 underline"
      >
        Release these tickets
      </ReleaseHoldButton>
    </div>
  );
}
