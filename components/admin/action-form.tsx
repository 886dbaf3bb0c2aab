"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * A small server-action form whose fields come from the (server-rendered) page: it submits, shows
 * the action's answer beside the button (field errors included) and disables the button meanwhile.
 */
export function ActionForm({
  action,
  children,
  submit,
  pendingLabel,
  tone = "primary",
  className = "flex flex-wrap items-end gap-2",
}: {
  action: Action;
  children?: React.ReactNode;
  submit: string;
  pendingLabel: string;
  tone?: "primary" | "danger" | "plain";
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const problems = Object.entries(state.fieldErrors ?? {}).map(([field, errors]) => `${field} ${errors.join(", ")}`);
  const button = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    danger: "border border-red-300 text-red-800 hover:bg-red-50",
    plain: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  }[tone];
  return (
    <form action={formAction} className={className}>
      {children}
      <button
        type="submit"
        disabled={pending}
        className={`rounded-lg px-3 py-2 text-sm font-semibold disabled:opacity-60 ${button}`}
      >
        {pending ? pendingLabel : submit}
      </button>
      {state.message && (
        <p role="status" className={`basis-full text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
          {state.message}
          {problems.length > 0 && ` (${problems.join("; ")})`}
        </p>
      )}
    </form>
  );
}
