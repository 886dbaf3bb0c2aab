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

/**
 * Whole seconds until `until` by the server's clock, ticking live; null before the browser has a
 * clock. `serverNow` (the server's time when it answered) corrects a browser clock that is off,
 * so a hold that ends at 20:10:00 on the server shows the time the server will actually allow.
 */
export function useSecondsLeft(until: string, serverNow?: string): number | null {
  const now = useSyncExternalStore(subscribeToClock, nowInSeconds, noClock);
  // Only in the browser (the server renders the placeholder): the skew of the answer that carried `serverNow`.
  if (now === null) return null;
  const skewSeconds = serverNow ? skewOf(serverNow) : 0;
  return Math.max(0, Math.ceil(new Date(until).getTime() / 1000 - (now + skewSeconds)));
}

const skews = new Map<string, number>();
/** A difference smaller than this is how long the page took to arrive, not a browser clock that is off. */
const SKEW_NOISE_SECONDS = 15;
/** The server's clock minus the browser's, measured the first time an answer's time is seen (then fixed). */
function skewOf(serverNow: string): number {
  let skew = skews.get(serverNow);
  if (skew === undefined) {
    skew = Math.round((new Date(serverNow).getTime() - Date.now()) / 1000);
    // The measure includes the time the answer took to arrive and render: a few seconds of it is that, not a
    // wrong clock, and correcting by it would add the delay to the time shown.
    if (!Number.isFinite(skew) || Math.abs(skew) < SKEW_NOISE_SECONDS) skew = 0;
    // A page reads a few answers in its life; keep the map from growing in a tab left open for days.
    if (skews.size > 100) skews.clear();
    skews.set(serverNow, skew);
  }
  return skew;
}

/** "8:12", or "23:59:59" once there is an hour or more (an on-sale countdown runs for up to a day). */
export function formatSecondsLeft(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return seconds >= 3600
    ? `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`
    : `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`;
}

/**
 * When a screen reader hears the time left: every 5 minutes, then at 2 minutes, 1 minute and
 * 30 seconds. Every second would drown out everything else on the page.
 */
export function isAnnouncedSecond(seconds: number): boolean {
  return seconds > 0 && (seconds % 300 === 0 || seconds === 120 || seconds === 60 || seconds === 30);
}

/** "8 minutes", "1 minute", "30 seconds" */
export function spokenTimeLeft(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/** A live "9:41 left" that says plainly when time is up; screen readers hear it at a few moments, not every second. */
export function Countdown({
  until,
  label,
  expiredText,
  serverNow,
}: {
  until: string;
  label: string;
  expiredText: string;
  serverNow?: string;
}) {
  const seconds = useSecondsLeft(until, serverNow);
  if (seconds === null) return <span className="inline-block h-5 w-16 animate-pulse rounded bg-slate-200" />;
  if (seconds === 0) {
    return (
      <span role="status" className="font-semibold text-red-700" data-testid="countdown">
        {expiredText}
      </span>
    );
  }
  return (
    <span data-testid="countdown">
      <span className="sr-only" aria-live="polite">
        {isAnnouncedSecond(seconds) ? `${spokenTimeLeft(seconds)} ${label}` : ""}
      </span>
      <span aria-hidden="true" className="font-mono text-lg font-bold tabular-nums">
        {formatSecondsLeft(seconds)}
      </span>{" "}
      <span className="text-sm text-slate-600">{label}</span>
    </span>
  );
}
