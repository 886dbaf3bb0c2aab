"use client";

import { useActionState } from "react";
import { deleteTicketTypeAction, updateTicketTypeAction } from "@/app/(organizer)/organizer/[orgSlug]/events/actions";
import type { AuthoredEvent } from "@/lib/events/authoring-view";
import { formatMoney } from "@/lib/format";
import { minorUnitDigits } from "@/lib/money";
import { Checkbox, FormMessage, SubmitButton, TextField } from "./fields";
import { useKeptFormAction } from "./use-kept-form-action";

type TicketType = AuthoredEvent["ticketTypes"][number];

/** 2550 USD → "25.50": what a price input shows. */
export function minorToInput(amount: number, currency: string) {
  const digits = minorUnitDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

/** One ticket type, editable in place, with what it has sold; reserved types keep their seats' capacity. */
export function TicketTypeRow({ eventId, type, locked }: { eventId: string; type: TicketType; locked: boolean }) {
  const { state, dispatch: action, pending, onSubmit } = useKeptFormAction(updateTicketTypeAction);
  const [deleteState, remove, deleting] = useActionState(deleteTicketTypeAction, { ok: true });
  const errors = state.fieldErrors ?? {};
  const id = (field: string) => `${type.id}-${field}`;
  const reserved = type.kind === "RESERVED";
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4" data-testid="ticket-type">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {type.name}{" "}
          <span className="text-sm font-normal text-slate-600">
            {reserved
              ? `Reserved seats · zone ${type.zone}`
              : type.zone
                ? `Standing · zone ${type.zone}`
                : "General admission"}
            {type.hidden ? " · hidden" : ""}
          </span>
        </h3>
        <p className="text-sm text-slate-700 tabular-nums">
          {type.sold.toLocaleString("en-US")} sold{type.held ? ` · ${type.held} held` : ""} of{" "}
          {type.capacity.toLocaleString("en-US")} · fans pay {formatMoney(type.allInPriceMinor, type.currency)}
        </p>
      </div>
      <form action={action} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-4" noValidate>
        <input type="hidden" name="eventId" value={eventId} />
        <input type="hidden" name="ticketTypeId" value={type.id} />
        <input type="hidden" name="currency" value={type.currency} />
        <fieldset disabled={locked} className="contents">
          <TextField
            id={id("name")}
            name="name"
            label="Name"
            defaultValue={type.name}
            errors={errors.name}
            className="sm:col-span-2"
          />
          <TextField
            id={id("price")}
            name="price"
            label={`Price (${type.currency})`}
            inputMode="decimal"
            defaultValue={minorToInput(type.priceMinor, type.currency)}
            errors={[...(errors.price ?? []), ...(errors.priceMinor ?? [])]}
            hint="Applies to sales from now on."
          />
          <TextField
            id={id("fee")}
            name="fee"
            label="Fee"
            inputMode="decimal"
            defaultValue={minorToInput(type.feeMinor, type.currency)}
            errors={[...(errors.fee ?? []), ...(errors.feeMinor ?? [])]}
          />
          <TextField
            id={id("salesStartAt")}
            name="salesStartAt"
            label="Sales start"
            type="datetime-local"
            defaultValue={type.local.salesStartAt ?? ""}
            errors={errors.salesStartAt}
            className="sm:col-span-2"
          />
          <TextField
            id={id("salesEndAt")}
            name="salesEndAt"
            label="Sales end"
            type="datetime-local"
            defaultValue={type.local.salesEndAt ?? ""}
            errors={errors.salesEndAt}
            className="sm:col-span-2"
          />
          {reserved ? (
            <p className="text-sm text-slate-600 sm:col-span-1">Capacity: {type.capacity} seats on the map.</p>
          ) : (
            <TextField
              id={id("capacity")}
              name="capacity"
              label="Capacity"
              inputMode="numeric"
              defaultValue={String(type.capacity)}
              errors={errors.capacity}
              hint={type.sold + type.held ? `At least ${type.sold + type.held}.` : undefined}
            />
          )}
          <div className="grid grid-cols-2 gap-3 sm:col-span-2">
            <TextField
              id={id("minPerOrder")}
              name="minPerOrder"
              label="Min per order"
              inputMode="numeric"
              defaultValue={String(type.minPerOrder)}
              errors={errors.minPerOrder}
            />
            <TextField
              id={id("maxPerOrder")}
              name="maxPerOrder"
              label="Max per order"
              inputMode="numeric"
              defaultValue={type.maxPerOrder === null ? "" : String(type.maxPerOrder)}
              errors={errors.maxPerOrder}
            />
          </div>
          <div className="flex flex-col justify-end gap-3 sm:col-span-4 sm:flex-row sm:items-center">
            <Checkbox id={id("hidden")} name="hidden" label="Hidden from fans" defaultChecked={type.hidden} />
            <span className="flex-1" />
            <SubmitButton pending={pending} pendingText="Saving…" variant="secondary">
              Save
            </SubmitButton>
          </div>
        </fieldset>
      </form>
      {!reserved && !locked && (
        <form action={remove} className="mt-2 flex justify-end">
          <input type="hidden" name="eventId" value={eventId} />
          <input type="hidden" name="ticketTypeId" value={type.id} />
          <button type="submit" disabled={deleting} className="text-sm text-red-800 underline disabled:opacity-60">
            {deleting ? "Deleting…" : "Delete this ticket type"}
          </button>
        </form>
      )}
      <div className="mt-2 flex flex-col gap-2" aria-live="polite">
        <FormMessage state={state} />
        <FormMessage state={deleteState} />
      </div>
    </li>
  );
}
