import type { Metadata } from "next";
import { AccountForm } from "@/components/auth/account-form";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto w-full max-w-sm py-10">
      <h1 className="mb-2 text-2xl font-bold">Create your account</h1>
      <p className="mb-6 text-slate-700">Hold seats, pay in one step and keep every ticket in one place.</p>
      <AccountForm mode="signup" action={signUpAction} callbackUrl={callbackUrl?.startsWith("/") ? callbackUrl : "/"} />
    </div>
  );
}
