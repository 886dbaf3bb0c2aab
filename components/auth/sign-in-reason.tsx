/** Why the fan was sent here, when a page asked ("?reason=hold"): said first, so nobody wonders. */
export type SignInReason = "hold";

export function signInReason(value: string | undefined): SignInReason | null {
  return value === "hold" ? "hold" : null;
}

export function SignInReasonNote({ reason, mode }: { reason: SignInReason | null; mode: "signin" | "signup" }) {
  if (reason !== "hold") return null;
  return (
    <p
      role="status"
      data-testid="sign-in-reason"
      className="mb-6 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-900"
    >
      {mode === "signin" ? "Sign in" : "Create an account"} to hold your tickets. We&apos;ve kept your selection and
      will hold it for you as soon as you&apos;re back.
    </p>
  );
}
