"use client";

import { useActionState } from "react";
import { Field } from "@/components/auth/field";
import type { FormState } from "@/lib/actions";
import { ROLE_LABELS } from "@/lib/staff/role-labels";

type Action = (state: FormState, data: FormData) => Promise<FormState>;
type Role = keyof typeof ROLE_LABELS;

function RoleSelect({
  id,
  name,
  defaultValue,
  label,
}: {
  id: string;
  name: string;
  defaultValue: Role;
  label: string;
}) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-base"
      >
        {(Object.keys(ROLE_LABELS) as Role[]).map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    </>
  );
}

function Status({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
      {state.message}
    </p>
  );
}

/** Invites an e-mail address with a role; the e-mail goes out through the outbox. */
export function InviteForm({ action, organizationId }: { action: Action; organizationId: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <input type="hidden" name="organizationId" value={organizationId} />
      <Field
        name="email"
        type="email"
        label="E-mail address"
        autoComplete="off"
        required
        defaultValue={state.ok ? "" : state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium text-slate-800">Role</span>
        <RoleSelect id="invite-role" name="role" defaultValue="CHECK_IN" label="Role" />
        <p className="text-xs text-slate-600">
          Owners manage staff and see the audit log; managers run events; check-in staff scan tickets.
        </p>
      </div>
      <Status state={state} />
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {pending ? "Sending…" : "Send invitation"}
      </button>
    </form>
  );
}

/** A member's role, changeable by owners. */
export function MemberRoleForm({
  action,
  organizationId,
  membershipId,
  role,
  who,
}: {
  action: Action;
  organizationId: string;
  membershipId: string;
  role: Role;
  who: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <RoleSelect id={`role-${membershipId}`} name="role" defaultValue={role} label={`Role of ${who}`} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Change the role of ${who}`}
        className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Change role"}
      </button>
      <Status state={state} />
    </form>
  );
}

/** One button that sends hidden fields: removing a member, revoking an invitation. */
export function DangerButton({
  action,
  fields,
  label,
  busyLabel,
  ariaLabel,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  busyLabel: string;
  ariaLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={ariaLabel}
        className="rounded border border-red-300 px-2 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? busyLabel : label}
      </button>
      {!state.ok && <Status state={state} />}
    </form>
  );
}
