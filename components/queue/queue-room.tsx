"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Countdown } from "@/components/checkout/countdown";
import type { QueueView } from "@/lib/queue/waiting-room";
import { useQueueStatus } from "./use-queue-status";

type Props = { eventId: string; eventUrl: string; onSaleLabel: string };

/** "About 3 minutes": honest rounding, never a false "any second now" for a long wait. */
function formatEta(seconds: number | null): string {
  if (seconds === null) return "Working out your wait…";
  if (seconds < 60) return "Less than a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `About ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  return `About ${hours} hour${hours === 1 ? "" : "s"} ${minutes % 60} min`;
}

/** Share of the line that was ahead of the fan when they first saw their place and has gone in since. */
function progressOf(position: number | null, first: number | null): number {
  if (position === null || !first) return 0;
  return Math.min(1, Math.max(0, (first - position) / first));
}

const card = "rounded-2xl border border-slate-200 bg-white p-5";
const primary =
  "inline-block rounded-lg bg-brand-600 px-4 py-3 text-center text-lg font-semibold text-white hover:bg-brand-700";

function Waiting({ view, progress, onSaleLabel }: { view: QueueView; progress: number; onSaleLabel: string }) {
  if (view.lobby) {
    return (
      <section className={card} aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="text-xl font-bold">
          You&apos;re in the lobby
        </h2>
        <p className="mt-2 text-slate-800">The sale opens {onSaleLabel}.</p>
        <p className="mt-2">
          <Countdown until={view.onSaleAt} label="until the sale opens" expiredText="The sale is opening…" />
        </p>
        <p className="mt-2 text-slate-700">
          When it opens, everyone in the lobby gets a random place in line, so there&apos;s no need to rush or refresh:
          arriving earlier or later before the sale makes no difference. Keep this page open.
        </p>
      </section>
    );
  }
  return (
    <section className={card} aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="text-xl font-bold">
        You&apos;re in line
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3">
        <div>
          <dt className="text-sm text-slate-600">Your place</dt>
          <dd className="text-3xl font-extrabold tabular-nums" data-testid="queue-position">
            {view.position?.toLocaleString("en-US") ?? "…"}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Estimated wait</dt>
          <dd className="text-lg font-semibold" data-testid="queue-eta">
            {view.paused ? "Paused by the organizer" : formatEta(view.etaSeconds)}
          </dd>
        </div>
      </dl>
      <div
        role="progressbar"
        aria-label="Progress through the line"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
        className="mt-4 h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${progress * 100}%` }} />
      </div>
      <p className="mt-3 text-sm text-slate-700">
        Keep this page open: we&apos;ll take you to the tickets when it&apos;s your turn. Reloading or opening another
        tab keeps your place.
      </p>
    </section>
  );
}

function Admitted({ view, eventUrl }: { view: QueueView; eventUrl: string }) {
  const go = useRef<HTMLAnchorElement>(null);
  const live = view.admissionToken !== undefined;
  useEffect(() => {
    go.current?.focus();
    if (!live) return;
    // A moment to hear the announcement, then on to the tickets (the link works at once).
    const timer = setTimeout(() => window.location.assign(eventUrl), 1500);
    return () => clearTimeout(timer);
  }, [live, eventUrl]);
  const until = view.admittedUntil ? new Date(view.admittedUntil) : null;
  return (
    <section className={card} aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="text-xl font-bold">
        {live ? "It's your turn!" : "You've had your turn"}
      </h2>
      <p className="mt-2 text-slate-800">
        {live
          ? `Choose your tickets${until ? ` by ${until.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}` : ""}, or your turn passes to the next fan.`
          : "Your hold is on its way to checkout. For more tickets, join the line again."}
      </p>
      <Link ref={go} href={eventUrl} className={`${primary} mt-4`}>
        {live ? "Choose your tickets" : "Back to the event"}
      </Link>
    </section>
  );
}

export function QueueRoom({ eventId, eventUrl, onSaleLabel }: Props) {
  const { state, joinAgain } = useQueueStatus(eventId);
  const view = state.kind === "view" ? state.view : null;
  const announcement =
    view?.status === "ADMITTED" && view.admissionToken
      ? "It's your turn! Taking you to the tickets."
      : view?.status === "SOLD_OUT"
        ? "This event has sold out."
        : view?.status === "EXPIRED"
          ? "Your turn has passed."
          : "";

  return (
    <div className="flex flex-col gap-4" data-testid="queue-room" data-status={view?.status ?? state.kind}>
      <p className="sr-only" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
      {state.kind === "loading" && <div className={`${card} h-40 animate-pulse`} aria-busy="true" />}
      {state.kind === "error" && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {state.message}
          {state.fix && (
            <>
              {" "}
              <Link className="font-semibold underline" href={state.fix.href}>
                {state.fix.label}
              </Link>
            </>
          )}
        </p>
      )}
      {view?.status === "WAITING" && (
        <Waiting
          view={view}
          progress={progressOf(view.position, state.kind === "view" ? state.firstPosition : null)}
          onSaleLabel={onSaleLabel}
        />
      )}
      {view?.status === "ADMITTED" && <Admitted view={view} eventUrl={eventUrl} />}
      {view?.status === "SOLD_OUT" && (
        <section className={card} aria-labelledby="queue-heading">
          <h2 id="queue-heading" className="text-xl font-bold">
            Sold out
          </h2>
          <p className="mt-2 text-slate-800">
            Every ticket has been sold. If tickets come back (a refund, say), the line moves again and this page will
            show it.
          </p>
          <Link href={eventUrl} className="mt-4 inline-block text-brand-700 underline">
            Back to the event
          </Link>
        </section>
      )}
      {(view?.status === "EXPIRED" || (view?.status === "ADMITTED" && !view.admissionToken)) && (
        <button type="button" onClick={joinAgain} className={primary}>
          Join the line again
        </button>
      )}
      {view?.status === "EXPIRED" && (
        <p className="text-slate-700">Your turn passed before you chose tickets. You can join the back of the line.</p>
      )}
    </div>
  );
}
