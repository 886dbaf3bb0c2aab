"use client";

import { useState } from "react";

type Result = { redirectUrl?: string; error?: { message: string } };

async function post(url: string, body?: object): Promise<Result> {
  const response = await fetch(url, {
    method: "POST",
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await response.json()) as Result;
}

export function SimulatorPayForm({
  sessionId,
  total,
  suggestedCard,
}: {
  sessionId: string;
  total: string;
  suggestedCard: string;
}) {
  const [card, setCard] = useState(suggestedCard);
  const [pending, setPending] = useState<"pay" | "cancel" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(kind: "pay" | "cancel") {
    setPending(kind);
    setError(null);
    const result = await post(`/checkout/simulator/${sessionId}/${kind}`, kind === "pay" ? { card } : undefined).catch(
      (): Result => ({ error: { message: "Could not reach the simulator. Try again." } }),
    );
    if (result.redirectUrl) {
      window.location.assign(result.redirectUrl);
      return;
    }
    setError(result.error?.message ?? "Something went wrong.");
    setPending(null);
  }

  return (
    <form
      className="mt-6 flex flex-col gap-3 rounded-xl bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        void act("pay");
      }}
    >
      <label htmlFor="card" className="text-sm font-medium">
        Card number
      </label>
      <input
        id="card"
        inputMode="numeric"
        autoComplete="cc-number"
        value={card}
        onChange={(e) => setCard(e.target.value)}
        className="rounded-lg border border-slate-300 px-3 py-2 font-mono"
        aria-describedby="card-hint"
      />
      <p id="card-hint" className="text-xs text-slate-600">
        Any number pays; 4000 0000 0000 0002 is declined. The same number is the same card: one card buys at most an
        event&apos;s per-fan limit.
      </p>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending !== null}
        className="rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending === "pay" ? "Paying…" : `Pay ${total}`}
      </button>
      <button
        type="button"
        disabled={pending !== null}
        onClick={() => void act("cancel")}
        className="text-slate-700 underline"
      >
        {pending === "cancel" ? "Cancelling…" : "Cancel and go back"}
      </button>
    </form>
  );
}
