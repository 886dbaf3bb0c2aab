"use client";

import { useState } from "react";
import { refundOrderAction } from "@/app/(organizer)/organizer/[orgSlug]/orders/actions";
import { Checkbox, FormMessage, SubmitButton, TextArea, TextField } from "@/components/event-authoring/fields";
import { useKeptFormAction } from "@/components/event-authoring/use-kept-form-action";

export type RefundableTicket = { id: string; code: string; label: string; value: string };

/**
 * Refund tickets (each gives back its all-in price) or an amount. `idempotencyKey` comes with
 * the page: a double click sends it twice and the server refunds once; after a refund the page is
 * rendered again with a new key.
 */
export function RefundForm({
  orgSlug,
  orderId,
  currency,
  idempotencyKey,
  tickets,
  refundable,
}: {
  orgSlug: string;
  orderId: string;
  currency: string;
  idempotencyKey: string;
  tickets: RefundableTicket[];
  refundable: string;
}) {
  const { state, dispatch, pending, onSubmit } = useKeptFormAction(refundOrderAction);
  const [mode, setMode] = useState<"tickets" | "amount">(tickets.length ? "tickets" : "amount");
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="refund-form">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Refund by</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="mode"
            value="tickets"
            checked={mode === "tickets"}
            disabled={tickets.length === 0}
            onChange={() => setMode("tickets")}
            className="accent-brand-600"
          />
          Tickets
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="mode"
            value="amount"
            checked={mode === "amount"}
            onChange={() => setMode("amount")}
            className="accent-brand-600"
          />
          An amount
        </label>
      </fieldset>
      {mode === "tickets" ? (
        <div className="flex flex-col gap-2">
          {tickets.map((t) => (
            <Checkbox
              key={t.id}
              id={`refund-${t.id}`}
              name={`ticket-${t.id}`}
              label={`${t.label} · ${t.value}`}
              hint={t.code}
            />
          ))}
          {state.fieldErrors?.tickets && <p className="text-sm text-red-700">{state.fieldErrors.tickets.join(" ")}</p>}
        </div>
      ) : (
        <TextField
          name="amount"
          label={`Amount (${currency}, at most ${refundable})`}
          inputMode="decimal"
          defaultValue={state.values?.amount ?? ""}
          errors={state.fieldErrors?.amount}
        />
      )}
      <TextArea
        name="reason"
        label="Reason (the buyer sees it)"
        rows={2}
        maxLength={500}
        defaultValue={state.values?.reason ?? ""}
        errors={state.fieldErrors?.reason}
      />
      <Checkbox
        name="keepSeatsOffSale"
        label="Keep the seats off sale"
        hint="Refunded seats are blocked and standing places leave the capacity, instead of going back on sale."
      />
      <div>
        <SubmitButton pending={pending} pendingText="Refunding…" variant="danger">
          Refund
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
