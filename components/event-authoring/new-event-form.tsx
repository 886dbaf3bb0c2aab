"use client";

import { useState } from "react";
import { createEventAction } from "@/app/(organizer)/organizer/[orgSlug]/events/actions";
import type { VenueChoice } from "@/lib/events/authoring-queries";
import type { AsJson } from "@/lib/json-shape";
import { EventFields } from "./event-fields";
import { FormMessage, SelectField, SubmitButton, TextField } from "./fields";
import { useKeptFormAction } from "./use-kept-form-action";

const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY"];

export function NewEventForm({
  orgSlug,
  organizationId,
  venues,
}: {
  orgSlug: string;
  organizationId: string;
  venues: AsJson<VenueChoice>[];
}) {
  const { state, dispatch: action, pending, onSubmit } = useKeptFormAction(createEventAction);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const [venueId, setVenueId] = useState(values.venueId || venues[0]?.id || "");
  const venue = venues.find((v) => v.id === venueId);
  const [layoutId, setLayoutId] = useState(values.layoutId ?? venue?.layouts[0]?.id ?? "");
  const layout = venue?.layouts.find((l) => l.id === layoutId);
  const err = (...keys: string[]) => keys.flatMap((k) => errors[k] ?? []);

  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <FormMessage state={state} />

      <fieldset className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-lg font-bold">Where</legend>
        <SelectField
          name="venueId"
          label="Venue"
          value={venueId}
          onChange={(e) => {
            const next = venues.find((v) => v.id === e.target.value);
            setVenueId(e.target.value);
            setLayoutId(next?.layouts[0]?.id ?? "");
          }}
          errors={err("venueId")}
          hint={venue ? `Times below are in the venue's time zone (${venue.timeZone}).` : undefined}
        >
          {venues.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}, {v.city}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="layoutId"
          label="Seating"
          value={layoutId}
          onChange={(e) => setLayoutId(e.target.value)}
          errors={err("layoutId")}
          hint="A seat map is copied into the event when you create it; later changes to the venue's map do not move its seats."
        >
          <option value="">General admission only (no seat map)</option>
          {venue?.layouts.map((l) => (
            <option key={l.id} value={l.id}>
              Seat map v{l.version}: {l.name} ({l.seatCount.toLocaleString("en-US")} seats
              {l.standingCapacity ? ` + ${l.standingCapacity.toLocaleString("en-US")} standing` : ""})
            </option>
          ))}
        </SelectField>
      </fieldset>

      <EventFields values={values} errors={errors} timeZone={venue?.timeZone} />

      <fieldset className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4">
        <legend className="px-1 text-lg font-bold">Prices</legend>
        <SelectField name="currency" label="Currency" defaultValue={values.currency ?? "USD"} className="max-w-40">
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </SelectField>
        {layout ? (
          <>
            <p className="text-sm text-slate-700">
              Every zone of the seat map needs a price. Fees are added later, on the event page.
            </p>
            <ul className="flex flex-col gap-3">
              {layout.zones.map((zone, i) => (
                <li key={zone.key} className="grid gap-3 rounded-xl bg-slate-50 p-3 sm:grid-cols-[2fr_1fr]">
                  <TextField
                    name={`zoneName.${zone.key}`}
                    label={`Ticket name for ${zone.name}`}
                    defaultValue={zone.name}
                    hint={[
                      zone.sellableSeats ? `${zone.sellableSeats.toLocaleString("en-US")} seats` : null,
                      zone.standingCapacity ? `${zone.standingCapacity.toLocaleString("en-US")} standing` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                    errors={err(`ticketTypes.${i}.name`)}
                  />
                  <TextField
                    name={`zonePrice.${zone.key}`}
                    label="Price"
                    inputMode="decimal"
                    placeholder="0.00"
                    required
                    errors={err(`zonePrice.${zone.key}`, `zones.${zone.key}`, `ticketTypes.${i}.priceMinor`)}
                  />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField
              name="gaName"
              label="Ticket name"
              defaultValue={values.gaName ?? "General admission"}
              errors={err("ticketTypes.0.name")}
            />
            <TextField
              name="gaPrice"
              label="Price"
              inputMode="decimal"
              placeholder="0.00"
              defaultValue={values.gaPrice}
              errors={err("gaPrice", "ticketTypes.0.priceMinor")}
            />
            <TextField
              name="gaCapacity"
              label="Capacity"
              inputMode="numeric"
              defaultValue={values.gaCapacity}
              errors={err("gaCapacity", "ticketTypes.0.capacity")}
            />
          </div>
        )}
      </fieldset>

      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <SubmitButton pending={pending} pendingText="Creating the draft…" className="py-3 text-lg sm:w-auto">
          Create draft
        </SubmitButton>
        <p className="text-sm text-slate-600">Nothing is public until you publish it.</p>
      </div>
    </form>
  );
}
