"use client";

import { useActionState } from "react";
import { Field } from "@/components/auth/field";
import type { FormState } from "@/lib/actions";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Makes a token for one organization and shows it once. */
export function CreateTokenForm({ action, organizationId }: { action: Action; organizationId: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <input type="hidden" name="organizationId" value={organizationId} />
      <Field
        name="name"
        label="Token name"
        hint="What will use it, e.g. “box office sync”."
        required
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      {state.message && (
        <p role="status" className={state.ok ? "text-green-800" : "text-red-800"}>
          {state.message}
        </p>
      )}
      {state.created?.token && (
        <p className="font-mono text-sm break-all" data-testid="new-token">
          {state.created.token}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {pending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}

export function RevokeTokenButton({ action, tokenId, name }: { action: Action; tokenId: string; name: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Revoke ${name}`}
        className="rounded border border-red-300 px-2 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {!state.ok && state.message && <span className="ml-2 text-sm text-red-800">{state.message}</span>}
    </form>
  );
}
