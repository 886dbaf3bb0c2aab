"use client";

import Link from "next/link";
import { formatSecondsLeft, isAnnouncedSecond, spokenTimeLeft, useSecondsLeft } from "@/components/checkout/countdown";
import { heldWords } from "@/components/checkout/held-words";
import { ReleaseHoldButton } from "@/components/checkout/release-hold";
import type { MyHold } from "./my-holds-api";

type HoldBannerProps = { hold: MyHold; serverNow: string; onReleased: (hold: MyHold) => void };

/**
 * "You're holding 2 seats — 8:12 left · Continue to checkout · Release", for a hold the fan
 * has on this event. The time follows the server's expiry and clock; screen readers hear it
 * at a few moments (every 5 minutes, then 2 and 1 minutes and 30 seconds), never every second.
 */
export function HoldBanner({ hold, serverNow, onReleased }: HoldBannerProps) {
  const seconds = useSecondsLeft(hold.expiresAt, serverNow);
  const words = heldWords(hold.items);
  const ended = seconds === 0;
  return (
    <section
      aria-label="Your hold"
      data-testid="hold-banner"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border-2 border-emerald-700 bg-emerald-50 px-3 py-2.5 text-slate-900"
    >
      <p className="font-semibold">
        {ended ? (
          `Your hold on ${words.text} has ended.`
        ) : (
          <>
            You&apos;re holding {words.text} —{" "}
            <span className="font-mono tabular-nums" data-testid="hold-banner-time">
              {seconds === null ? "…" : formatSecondsLeft(seconds)}
            </span>{" "}
            left
          </>
        )}
      </p>
      <span className="sr-only" aria-live="polite">
        {seconds !== null && isAnnouncedSecond(seconds)
          ? `${spokenTimeLeft(seconds)} left to check out your ${words.text}.`
          : ""}
      </span>
      {!ended && (
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/checkout/${encodeURIComponent(hold.holdId)}`}
            className="rounded-lg bg-emerald-700 px-3 py-2 font-semibold text-white hover:bg-emerald-800"
          >
            Continue to checkout
          </Link>
          <ReleaseHoldButton
            holdId={hold.holdId}
            what={words.text}
            onReleased={() => onReleased(hold)}
            className="rounded-lg px-3 py-2 font-semibold text-emerald-900 underline hover:bg-emerald-100"
          >
            Release
          </ReleaseHoldButton>
        </div>
      )}
    </section>
  );
}
