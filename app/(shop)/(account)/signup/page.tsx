import type { Metadata } from "next";
import { AccountForm } from "@/components/auth/account-form";
import { SignInReasonNote, signInReason } from "@/components/auth/sign-in-reason";
import { safeReturnPath } from "@/lib/auth/return-path";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string; reason?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl, reason } = await searchParams;
  return (
    <div className="mx-auto w-full max-w-sm py-10">
      <h1 className="mb-2 text-2xl font-bold">Create your account</h1>
      <p className="mb-6 text-slate-700">Hold seats, pay in one step and keep every ticket in one place.</p>
      <SignInReasonNote reason={signInReason(reason)} mode="signup" />
      <AccountForm
        mode="signup"
        action={signUpAction}
        callbackUrl={safeReturnPath(callbackUrl)}
        reason={signInReason(reason)}
      />
    </div>
  );
}
