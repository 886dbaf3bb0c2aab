// Small pieces shared by the reserved-seat and general-admission pickers.

import Link from "next/link";

export const primaryButtonClass =
  "w-full rounded-lg bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60";

export const secondaryButtonClass =
  "rounded-lg border border-brand-600 bg-white px-4 py-2.5 font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-60";

export function HoldAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}

/** "Section 104, Row C, Seat 7 and Section 104, Row C, Seat 8" */
export function listOf(items: readonly string[]): string {
  return new Intl.ListFormat("en-US", { type: "conjunction" }).format(items);
}

/**
 * Shown when an anonymous fan presses Hold: why sign-in is needed, and that the selection is kept
 * (pending-hold.ts). Both links come back to this page, which then holds the selection at once.
 */
export function SignInToHold({ what, returnTo }: { what: "seats" | "tickets"; returnTo: string }) {
  const query = `callbackUrl=${encodeURIComponent(returnTo)}&reason=hold`;
  return (
    <div role="alert" data-testid="sign-in-to-hold" className="rounded-lg border border-brand-100 bg-brand-50 p-3">
      <p className="font-semibold text-slate-900">Sign in to hold these {what} — we&apos;ll keep your selection.</p>
      <p className="mt-1 text-sm text-slate-700">
        A hold is kept for you by name while you pay. Your {what} aren&apos;t held yet: we&apos;ll hold them as soon as
        you&apos;re back.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Link href={`/signin?${query}`} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
          Sign in
        </Link>
        <Link
          href={`/signup?${query}`}
          className="rounded-lg border border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700"
        >
          Create an account
        </Link>
      </div>
    </div>
  );
}
