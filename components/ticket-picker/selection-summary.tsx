"use client";

import { formatMoney } from "@/lib/format";
import { plural, seatName } from "./seat-map-labels";
import type { SeatMapSeat, TicketTier } from "./types";

type SummaryProps = {
  seats: readonly SeatMapSeat[];
  tiers: readonly TicketTier[];
  limit: number;
  onRemove: (seatId: string) => void;
  disabled?: boolean;
};

export function SelectionSummary({ seats, tiers, limit, onRemove, disabled = false }: SummaryProps) {
  const tiersById = new Map(tiers.map((tier) => [tier.id, tier]));
  // Every tier of an event is priced in the event's one currency.
  const currency = tiersById.get(seats[0]?.ticketTypeId ?? "")?.currency ?? tiers[0]?.currency ?? "USD";
  const total = seats.reduce((sum, seat) => sum + (tiersById.get(seat.ticketTypeId)?.allInPriceMinor ?? 0), 0);
  return (
    <section
      data-testid="selection-summary"
      aria-label="Your seats"
      className="rounded-xl border border-slate-200 bg-white p-3"
    >
      <p className="font-semibold text-slate-900">
        {seats.length
          ? `${seats.length} ${plural(seats.length, "seat")} · ${formatMoney(total, currency)}`
          : "No seats selected yet"}
      </p>
      {seats.length === 0 ? (
        <p className="text-sm text-slate-600">Pick seats on the map, or let us find the best available.</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100">
          {seats.map((seat) => {
            const tier = tiersById.get(seat.ticketTypeId);
            return (
              <li key={seat.id} className="flex items-center justify-between gap-2 py-1.5">
                <span className="min-w-0 text-sm text-slate-900">
                  Section {seat.section} · Row {seat.row} · Seat {seat.number}
                  {tier && (
                    <span className="block text-slate-600">
                      {tier.name} · {formatMoney(tier.allInPriceMinor, tier.currency)}
                    </span>
                  )}
                </span>
                <button
                  type="button"
                  onClick={() => onRemove(seat.id)}
                  disabled={disabled}
                  aria-label={`Remove ${seatName(seat)}`}
                  className="min-h-11 shrink-0 rounded-lg px-3 text-sm font-medium text-brand-700 underline hover:bg-brand-50 disabled:opacity-60"
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {seats.length >= limit && (
        <p className="mt-1 text-xs text-slate-600">
          That&apos;s the limit of {limit} {plural(limit, "seat")} per order.
        </p>
      )}
    </section>
  );
}
