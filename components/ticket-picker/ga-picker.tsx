"use client";

import { useId, useState, type FormEvent } from "react";
import { formatMoney } from "@/lib/format";
import { QuantityStepper } from "./quantity-stepper";
import { plural } from "./seat-map-labels";
import { HoldAlert, primaryButtonClass, SignInToHold } from "./ticket-ui";
import type { HoldRequest, TicketTier } from "./types";
import { useHold, useResumeHold } from "./use-hold";

export type GaPickerProps = {
  eventId: string;
  tiers: readonly TicketTier[];
  perOrderLimit: number;
};

/** "12 left" appears at or below this many. */
const LOW_STOCK = 20;

type Choice = { tierId: string; quantity: number };

/** The quantity kept through sign-in, if it is for one of these tiers. */
function resumedChoice(request: HoldRequest | null, tiers: readonly TicketTier[]): Choice | null {
  if (!request || !("ticketTypeId" in request)) return null;
  return tiers.some((tier) => tier.id === request.ticketTypeId)
    ? { tierId: request.ticketTypeId, quantity: request.quantity }
    : null;
}

export function GaPicker({ eventId, tiers, perOrderLimit }: GaPickerProps) {
  const idPrefix = useId();
  const hold = useHold(eventId);
  // One tier at a time, because a hold covers a single ticket type.
  const [choice, setChoice] = useState<Choice | null>(() => resumedChoice(hold.resumed, tiers));
  const [notice, setNotice] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const chosenTier = tiers.find((tier) => tier.id === choice?.tierId);
  const quantity = chosenTier ? (choice?.quantity ?? 0) : 0;

  function setQuantity(tier: TicketTier, next: number) {
    setMessage(null);
    if (chosenTier && chosenTier.id !== tier.id && next > 0) {
      setNotice(
        `Switched to ${tier.name}: we cleared your ${quantity} ${chosenTier.name} ${plural(quantity, "ticket")}.`,
      );
    } else if (next === 0) {
      setNotice(null);
    }
    setChoice(next > 0 ? { tierId: tier.id, quantity: next } : null);
  }

  async function holdChoice(tier: TicketTier, count: number) {
    setMessage(null);
    const failure = await hold.submit({ ticketTypeId: tier.id, quantity: count });
    if (!failure || failure.kind === "unauthenticated") return;
    setMessage(
      failure.kind === "unavailable"
        ? `Sorry, there aren't ${count} ${tier.name} ${plural(count, "ticket")} left. Try a smaller quantity or another ticket type.`
        : failure.message,
    );
  }

  // Back from signing in with a quantity chosen before: hold it at once.
  useResumeHold(eventId, hold.resumed, true, (request) => {
    const kept = resumedChoice(request, tiers);
    const tier = tiers.find((t) => t.id === kept?.tierId);
    if (kept && tier) void holdChoice(tier, kept.quantity);
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosenTier && quantity > 0) void holdChoice(chosenTier, quantity);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <ul className="divide-y divide-slate-100">
        {tiers.map((tier) => {
          const max = Math.max(0, Math.min(perOrderLimit, tier.remaining));
          const value = tier.id === chosenTier?.id ? quantity : 0;
          return (
            <li key={tier.id} className="flex items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{tier.name}</p>
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
                  <span className="font-semibold">{formatMoney(tier.allInPriceMinor, tier.currency)}</span>
                  {tier.remaining > 0 && tier.remaining <= LOW_STOCK && (
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                      {tier.remaining} left
                    </span>
                  )}
                </p>
              </div>
              {max === 0 ? (
                <span className="shrink-0 rounded-lg bg-slate-100 px-3 py-2 text-sm font-semibold text-slate-700">
                  Sold out
                </span>
              ) : (
                <QuantityStepper
                  id={`${idPrefix}-${tier.id}-quantity`}
                  label={`${tier.name} tickets`}
                  value={value}
                  max={max}
                  limitNote={max < perOrderLimit ? `Max ${max}: only ${max} left` : `Max ${max} per order`}
                  disabled={hold.pending}
                  onChange={(next) => setQuantity(tier, next)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-slate-600">
        {tiers.length > 1 && "You can hold one ticket type at a time. "}Prices include all fees.
      </p>
      <p role="status" className="text-sm text-amber-900 empty:hidden">
        {notice}
      </p>
      <p data-testid="selection-summary" className="text-base font-semibold text-slate-900" aria-live="polite">
        {chosenTier
          ? `${quantity} ${plural(quantity, "ticket")} · ${formatMoney(chosenTier.allInPriceMinor * quantity, chosenTier.currency)}`
          : "No tickets selected"}
      </p>
      <HoldAlert message={message} />
      <button
        type="submit"
        className={primaryButtonClass}
        disabled={quantity === 0 || hold.pending}
        aria-busy={hold.pending}
      >
        {hold.pending
          ? "Holding your tickets…"
          : quantity
            ? `Hold ${quantity} ${plural(quantity, "ticket")}`
            : "Hold tickets"}
      </button>
      {hold.signInNeeded && <SignInToHold what="tickets" returnTo={window.location.pathname} />}
    </form>
  );
}
