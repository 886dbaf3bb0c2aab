import type { Metadata } from "next";
import Link from "next/link";
import { SimpleForm } from "@/components/auth/simple-form";
import { passwordResetIsUsable } from "@/lib/auth/password-reset";
import { services } from "@/lib/services";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const { db, clock } = services();
  const usable = typeof token === "string" && token.length < 300 && (await passwordResetIsUsable(db, token, clock()));
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-4 py-10">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      {usable ? (
        <SimpleForm
          action={resetPasswordAction}
          hidden={{ token }}
          submitLabel="Save and sign in"
          fields={[
            {
              name: "password",
              label: "New password",
              type: "password",
              autoComplete: "new-password",
              minLength: 10,
              hint: "At least 10 characters. Other devices signed in to your account will be signed out.",
            },
          ]}
        />
      ) : (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
          This link has expired or was already used.{" "}
          <Link className="font-medium underline" href="/forgot-password">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </div>
  );
}
