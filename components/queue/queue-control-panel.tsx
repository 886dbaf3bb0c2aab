"use client";

import { useEffect, useState } from "react";
import type { QueueOverview } from "@/lib/queue/organizer";

const url = (eventId: string) => `/api/v1/events/${encodeURIComponent(eventId)}/queue/control`;
const POLL_MS = 5_000;

async function send(eventId: string, init?: RequestInit): Promise<QueueOverview> {
  const response = await fetch(url(eventId), {
    credentials: "same-origin",
    headers: { accept: "application/json", "content-type": "application/json" },
    ...init,
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? "The waiting room could not be reached.");
  return body as QueueOverview;
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The organizer's live view of an event's waiting room: figures every 5 s, pause/resume and the rate. */
export function QueueControlPanel({ eventId }: { eventId: string }) {
  const [overview, setOverview] = useState<QueueOverview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stopped = false;
    const read = () =>
      send(eventId)
        .then((next) => !stopped && setOverview(next))
        .catch((error: Error) => !stopped && setMessage(error.message));
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [eventId]);

  async function change(changes: { paused?: boolean; ratePerMinute?: number | null }, done: string) {
    setBusy(true);
    try {
      setOverview(await send(eventId, { method: "PATCH", body: JSON.stringify(changes) }));
      setMessage(done);
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!overview) return <div className="h-24 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />;
  const state = overview.soldOut ? "Sold out" : overview.paused ? "Paused" : "Admitting";
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p>
        <span className="font-semibold" data-testid="queue-state">
          {state}
        </span>
        {" · "}
        {overview.ratePerMinute === null
          ? `automatic rate (up to ${overview.defaultRatePerMinute.toLocaleString("en-US")} a minute)`
          : `${overview.ratePerMinute.toLocaleString("en-US")} fans a minute (your rate)`}
      </p>
      <dl className="grid grid-cols-3 gap-2">
        <Figure label="Waiting" value={overview.waiting.toLocaleString("en-US")} testId="queue-waiting" />
        <Figure
          label="Admitted, not yet held"
          value={overview.admitted.toLocaleString("en-US")}
          testId="queue-admitted"
        />
        <Figure
          label="Admitted a minute"
          value={Math.round(overview.admittedPerMinute).toLocaleString("en-US")}
          testId="queue-rate"
        />
      </dl>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          change({ paused: !overview.paused }, overview.paused ? "Admission resumed." : "Admission paused.")
        }
        className="rounded-lg border border-slate-300 px-3 py-2 font-semibold hover:bg-slate-50 disabled:opacity-60"
      >
        {overview.paused ? "Resume admission" : "Pause admission"}
      </button>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get("ratePerMinute");
          change({ ratePerMinute: value ? Number(value) : null }, value ? "Rate saved." : "Automatic rate restored.");
        }}
      >
        <label className="flex flex-col gap-1">
          <span>Fans admitted a minute (empty: automatic)</span>
          <input
            name="ratePerMinute"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            defaultValue={overview.ratePerMinute ?? ""}
            className="w-40 rounded-lg border border-slate-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded-lg bg-brand-600 px-3 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save rate
        </button>
      </form>
      <p role="status" className="text-slate-700">
        {message}
      </p>
    </div>
  );
}
