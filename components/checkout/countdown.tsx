"use client";

import { useSyncExternalStore } from "react";

// A clock that ticks once a second; the server has no clock (null), so the first paint shows a placeholder
// rather than a time that would disagree with the browser's.
function subscribeToClock(onTick: () => void) {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
}
const nowInSeconds = () => Math.floor(Date.now() / 1000);
const noClock = () => null;

/** A live "9:41 left" that says plainly when time is up; screen readers hear it once a minute, not every second. */
export function Countdown({ until, label, expiredText }: { until: string; label: string; expiredText: string }) {
  const now = useSyncExternalStore(subscribeToClock, nowInSeconds, noClock);
  const seconds = now === null ? null : Math.max(0, Math.ceil(new Date(until).getTime() / 1000 - now));
  if (seconds === null) return <span className="inline-block h-5 w-16 animate-pulse rounded bg-slate-200" />;
  if (seconds === 0) {
    return (
      <span role="status" className="font-semibold text-red-700" data-testid="countdown">
        {expiredText}
      </span>
    );
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  // Hours once there is an hour or more (an on-sale countdown runs for up to a day): 23:59:59, not 1439:59.
  const text =
    seconds >= 3600
      ? `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`
      : `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`;
  return (
    <span data-testid="countdown">
      <span className="sr-only" aria-live="polite">
        {seconds % 60 === 0 || seconds < 10 ? `${label}: ${Math.ceil(seconds / 60)} minutes left` : ""}
      </span>
      <span aria-hidden="true" className="font-mono text-lg font-bold tabular-nums">
        {text}
      </span>{" "}
      <span className="text-sm text-slate-600">{label}</span>
    </span>
  );
}
