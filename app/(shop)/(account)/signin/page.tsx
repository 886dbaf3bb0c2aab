import type { Metadata } from "next";
import { AccountForm } from "@/components/auth/account-form";
import { SignInReasonNote, signInReason } from "@/components/auth/sign-in-reason";
import { safeReturnPath } from "@/lib/auth/return-path";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; reason?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, reason } = await searchParams;
  return (
    <div className="mx-auto w-full max-w-sm py-10">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      <SignInReasonNote reason={signInReason(reason)} mode="signin" />
      <AccountForm
        mode="signin"
        action={signInAction}
        callbackUrl={safeReturnPath(callbackUrl)}
        reason={signInReason(reason)}
      />
    </div>
  );
}
