"use client";

import { useActionState } from "react";
import { Field } from "@/components/auth/field";
import type { FormState } from "@/lib/actions";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** "For organizers": the application to sell tickets (organization name, website, a few words). */
export function ApplicationForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <Field
        name="organizationName"
        label="Organization name"
        required
        maxLength={120}
        defaultValue={state.values?.organizationName}
        errors={state.fieldErrors?.organizationName}
      />
      <Field
        name="website"
        label="Website (optional)"
        hint="Where we can see what you organize."
        defaultValue={state.values?.website}
        errors={state.fieldErrors?.website}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="about" className="text-sm font-medium text-slate-800">
          What do you organize?
        </label>
        <textarea
          id="about"
          name="about"
          required
          rows={4}
          maxLength={2000}
          defaultValue={state.values?.about}
          aria-invalid={state.fieldErrors?.about ? true : undefined}
          aria-describedby={state.fieldErrors?.about ? "about-error" : undefined}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600"
        />
        {state.fieldErrors?.about && (
          <p id="about-error" className="text-sm text-red-700">
            What you organize: {state.fieldErrors.about.join(", ")}
          </p>
        )}
      </div>
      {state.message && (
        <p role="status" className={state.ok ? "text-green-800" : "text-red-800"}>
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {pending ? "Sending…" : "Apply"}
      </button>
    </form>
  );
}
