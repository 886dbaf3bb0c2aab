"use client";

import { useEffect, useRef } from "react";
import { addTicketTypeAction } from "@/app/(organizer)/organizer/[orgSlug]/events/actions";
import { FormMessage, SubmitButton, TextField } from "./fields";
import { useKeptFormAction } from "./use-kept-form-action";

/** Adds a general-admission type (zones of a seat map are priced when the event is created). */
export function AddTicketTypeForm({ eventId, currency }: { eventId: string; currency: string }) {
  const { state, dispatch: action, pending, onSubmit } = useKeptFormAction(addTicketTypeAction);
  const form = useRef<HTMLFormElement>(null);
  // Fields are kept while something is wrong, and emptied once the type is added.
  useEffect(() => {
    if (state.ok && state.message) form.current?.reset();
  }, [state]);
  const errors = state.fieldErrors ?? {};
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      ref={form}
      action={action}
      onSubmit={onSubmit}
      className="grid gap-3 rounded-xl border border-dashed border-slate-300 bg-white p-4 sm:grid-cols-4"
      noValidate
    >
      <h3 className="font-semibold sm:col-span-4">Add a general-admission ticket type</h3>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="minPerOrder" value="1" />
      <TextField
        id="new-name"
        name="name"
        label="Name"
        placeholder="Early bird"
        defaultValue={values.name}
        errors={errors.name}
        className="sm:col-span-2"
      />
      <TextField
        id="new-price"
        name="price"
        label={`Price (${currency})`}
        inputMode="decimal"
        defaultValue={values.price}
        errors={[...(errors.price ?? []), ...(errors.priceMinor ?? [])]}
      />
      <TextField
        id="new-fee"
        name="fee"
        label="Fee"
        inputMode="decimal"
        defaultValue={values.fee}
        errors={[...(errors.fee ?? []), ...(errors.feeMinor ?? [])]}
      />
      <TextField
        id="new-capacity"
        name="capacity"
        label="Capacity"
        inputMode="numeric"
        defaultValue={values.capacity}
        errors={errors.capacity}
      />
      <div className="flex flex-col gap-2 sm:col-span-3 sm:flex-row sm:items-end">
        <SubmitButton pending={pending} pendingText="Adding…" variant="secondary">
          Add ticket type
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
