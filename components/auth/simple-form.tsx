"use client";

import { useActionState, useId } from "react";
import type { FormState } from "@/lib/actions";
import { Field } from "./field";

export type FieldSpec = {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
  minLength?: number;
};

/**
 * A form of a few fields posting to one server action: the message on top (an error in red, a
 * success in green), each field's errors beside it, typed values kept (never passwords).
 */
export function SimpleForm({
  action,
  fields,
  submitLabel,
  hidden = {},
  tone = "normal",
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  submitLabel: string;
  hidden?: Record<string, string>;
  tone?: "normal" | "danger";
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  // Several of these forms share a page (account settings): ids must not collide between them.
  const formId = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded-lg border px-3 py-2 text-sm ${
            state.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"
          }`}
        >
          {state.message}
        </p>
      )}
      {fields.map(({ type = "text", ...field }) => (
        <Field
          key={field.name}
          {...field}
          id={`${formId}-${field.name}`}
          type={type}
          required
          defaultValue={type === "password" ? undefined : state.values?.[field.name]}
          errors={errors[field.name]}
        />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={`rounded-lg px-4 py-2.5 font-semibold text-white disabled:opacity-60 ${
          tone === "danger" ? "bg-red-700 hover:bg-red-800" : "bg-brand-600 hover:bg-brand-700"
        }`}
      >
        {pending ? "One moment…" : submitLabel}
      </button>
    </form>
  );
}
