"use client";

import { useId, useState, type FormEvent } from "react";
import { formatMoney } from "@/lib/format";
import { secondaryButtonClass } from "./ticket-ui";
import type { TicketTier } from "./types";

type BestAvailableProps = {
  tiers: readonly TicketTier[];
  perOrderLimit: number;
  pending: boolean;
  /** True while this form's own request is the one in flight. */
  searching: boolean;
  onSubmit: (ticketTypeId: string, quantity: number) => void;
  /** A request kept through sign-in, shown as it was chosen. */
  initial?: { ticketTypeId: string; quantity: number } | null;
};

const selectClass =
  "w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm disabled:opacity-60";

export function BestAvailableForm({
  tiers,
  perOrderLimit,
  pending,
  searching,
  onSubmit,
  initial = null,
}: BestAvailableProps) {
  const id = useId();
  const reserved = tiers.filter((tier) => tier.kind === "RESERVED");
  const [tierId, setTierId] = useState(
    () => initial?.ticketTypeId ?? (reserved.find((t) => t.remaining > 0) ?? reserved[0])?.id ?? "",
  );
  const [quantity, setQuantity] = useState(initial?.quantity ?? Math.min(2, perOrderLimit));
  const tier = reserved.find((t) => t.id === tierId);
  if (!tier) return null;

  const max = Math.max(1, Math.min(perOrderLimit, tier.remaining));
  const chosen = Math.min(quantity, max);
  const soldOut = tier.remaining === 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (tier && !soldOut) onSubmit(tier.id, chosen);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-3">
      <div>
        <h3 className="font-semibold text-slate-900">Best available</h3>
        <p className="text-sm text-slate-600">Tell us how many and we&apos;ll find the best seats together.</p>
      </div>
      <div className="grid grid-cols-[1fr_6rem] gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-tier`} className="text-sm font-medium text-slate-800">
            Price
          </label>
          <select
            id={`${id}-tier`}
            className={selectClass}
            value={tier.id}
            disabled={pending}
            onChange={(event) => setTierId(event.target.value)}
          >
            {reserved.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name} · {formatMoney(option.allInPriceMinor, option.currency)}
                {option.remaining === 0 ? " · sold out" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-quantity`} className="text-sm font-medium text-slate-800">
            Seats
          </label>
          <select
            id={`${id}-quantity`}
            className={selectClass}
            value={chosen}
            disabled={pending || soldOut}
            onChange={(event) => setQuantity(Number(event.target.value))}
          >
            {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      {soldOut && <p className="text-sm text-slate-700">{tier.name} is sold out. Try another price.</p>}
      <button type="submit" className={secondaryButtonClass} disabled={pending || soldOut} aria-busy={searching}>
        {searching ? "Finding seats…" : "Find best seats"}
      </button>
    </form>
  );
}
