"use client";

import { useActionState } from "react";
import { Field } from "@/components/auth/field";
import type { FormState } from "@/lib/actions";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export type VenueFormValues = {
  name: string;
  address: string;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  timeZone: string;
  latitude: number;
  longitude: number;
};

type Props = {
  action: Action;
  timeZones: readonly string[];
  /** Hidden fields: the organization for a new venue, the venue for an edit. */
  hidden: Record<string, string>;
  venue?: VenueFormValues;
  submitLabel: string;
  pendingLabel: string;
};

/** A venue's details, for "New venue" and the venue page; errors appear beside their fields. */
export function VenueForm({ action, timeZones, hidden, venue, submitLabel, pendingLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const errors = state.fieldErrors ?? {};
  // After a refused submit the form shows what was typed; otherwise the venue as saved.
  const value = (name: keyof VenueFormValues) => state.values?.[name] ?? String(venue?.[name] ?? "");
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {state.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded-lg border px-3 py-2 text-sm ${state.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`}
        >
          {state.message}
        </p>
      )}
      <Field name="name" label="Name" required defaultValue={value("name")} errors={errors.name} maxLength={120} />
      <Field
        name="address"
        label="Street address"
        autoComplete="street-address"
        required
        defaultValue={value("address")}
        errors={errors.address}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="city" label="City" required defaultValue={value("city")} errors={errors.city} />
        <Field name="region" label="Region or state (optional)" defaultValue={value("region")} errors={errors.region} />
        <Field
          name="postalCode"
          label="Postal code (optional)"
          autoComplete="postal-code"
          defaultValue={value("postalCode")}
          errors={errors.postalCode}
        />
        <Field
          name="country"
          label="Country code"
          hint="Two letters, like US, GB or DE."
          required
          maxLength={2}
          defaultValue={value("country")}
          errors={errors.country}
        />
      </div>
      <TimeZoneSelect zones={timeZones} defaultValue={value("timeZone")} errors={errors.timeZone} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">
          Position, in decimal degrees (used for “near me” search)
        </legend>
        <Field
          name="latitude"
          label="Latitude"
          hint="North is positive, e.g. 40.7505."
          inputMode="decimal"
          required
          defaultValue={value("latitude")}
          errors={errors.latitude}
        />
        <Field
          name="longitude"
          label="Longitude"
          hint="East is positive, e.g. -73.9934."
          inputMode="decimal"
          required
          defaultValue={value("longitude")}
          errors={errors.longitude}
        />
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

function TimeZoneSelect({
  zones,
  defaultValue,
  errors,
}: {
  zones: readonly string[];
  defaultValue: string;
  errors: string[] | undefined;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="timeZone" className="text-sm font-medium text-slate-800">
        Time zone
      </label>
      <select
        id="timeZone"
        name="timeZone"
        required
        // Keyed by the value so a refused submit's choice is shown again (selects keep their first default).
        key={defaultValue}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errors?.length ? "timeZone-error" : null, "timeZone-hint"].filter(Boolean).join(" ")}
        className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600"
      >
        <option value="">Choose a time zone</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      <p id="timeZone-hint" className="text-xs text-slate-600">
        Event times are shown to fans in this zone.
      </p>
      {errors?.length ? (
        <p id="timeZone-error" className="text-sm text-red-700">
          Time zone {errors.join(", ")}
        </p>
      ) : null}
    </div>
  );
}
