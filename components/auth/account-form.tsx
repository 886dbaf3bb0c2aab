"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { FormState } from "@/lib/actions";
import { Field } from "./field";
import type { SignInReason } from "./sign-in-reason";

type Mode = "signin" | "signup";

export function AccountForm({
  mode,
  action,
  callbackUrl,
  reason = null,
}: {
  mode: Mode;
  action: (state: FormState, data: FormData) => Promise<FormState>;
  callbackUrl: string;
  /** Carried to the other form, so switching to "Create an account" keeps saying why. */
  reason?: SignInReason | null;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const errors = state.fieldErrors ?? {};
  const other = mode === "signin" ? "signup" : "signin";
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      {mode === "signup" && (
        <Field
          name="name"
          label="Name"
          autoComplete="name"
          required
          defaultValue={state.values?.name}
          errors={errors.name}
        />
      )}
      <Field
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={errors.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete={mode === "signup" ? "new-password" : "current-password"}
        required
        minLength={mode === "signup" ? 10 : undefined}
        hint={mode === "signup" ? "At least 10 characters." : undefined}
        errors={errors.password}
      />
      {mode === "signin" && (
        <Link className="-mt-2 self-end text-sm font-medium text-brand-700 underline" href="/forgot-password">
          Forgot your password?
        </Link>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "One moment…" : mode === "signin" ? "Sign in" : "Create account"}
      </button>
      <p className="text-center text-sm text-slate-700">
        {mode === "signin" ? "New to Marquee?" : "Already have an account?"}{" "}
        <Link
          className="font-medium text-brand-700 underline"
          href={`/${other}?callbackUrl=${encodeURIComponent(callbackUrl)}${reason ? `&reason=${reason}` : ""}`}
        >
          {mode === "signin" ? "Create an account" : "Sign in"}
        </Link>
      </p>
    </form>
  );
}
