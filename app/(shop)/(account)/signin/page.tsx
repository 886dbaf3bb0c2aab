import type { Metadata } from "next";
import { AccountForm } from "@/components/auth/account-form";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto w-full max-w-sm py-10">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      <AccountForm mode="signin" action={signInAction} callbackUrl={callbackUrl?.startsWith("/") ? callbackUrl : "/"} />
    </div>
  );
}
