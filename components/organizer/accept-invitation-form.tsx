"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function AcceptInvitationForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction} className="flex flex-col items-center gap-3">
      <input type="hidden" name="token" value={token} />
      {!state.ok && state.message && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white disabled:opacity-60"
      >
        {pending ? "Joining…" : "Accept the invitation"}
      </button>
    </form>
  );
}
