"use client";

import { useActionState } from "react";
import { payAction, releaseAction } from "@/app/(shop)/checkout/actions";

export function CheckoutButtons({ holdId, eventSlug, total }: { holdId: string; eventSlug: string; total: string }) {
  const [payState, pay, paying] = useActionState(payAction, { ok: true });
  const [releaseState, release, releasing] = useActionState(releaseAction, { ok: true });
  const message = payState.message ?? releaseState.message;
  return (
    <div className="mt-4 flex flex-col gap-3">
      {message && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <form action={pay}>
        <input type="hidden" name="holdId" value={holdId} />
        <button
          type="submit"
          disabled={paying || releasing}
          className="w-full rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {paying ? "Opening payment…" : `Pay ${total}`}
        </button>
      </form>
      <form action={release}>
        <input type="hidden" name="holdId" value={holdId} />
        <input type="hidden" name="eventSlug" value={eventSlug} />
        <button
          type="submit"
          disabled={paying || releasing}
          className="w-full rounded-lg px-4 py-2 text-slate-700 underline"
        >
          {releasing ? "Releasing…" : "Release these tickets"}
        </button>
      </form>
    </div>
  );
}
