import type { Metadata } from "next";
import Link from "next/link";
import { SimpleForm } from "@/components/auth/simple-form";
import { forgotPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-4 py-10">
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      <p className="text-slate-700">
        Enter the e-mail you sign in with. We will send you a link to choose a new password.
      </p>
      <SimpleForm
        action={forgotPasswordAction}
        submitLabel="E-mail me a link"
        fields={[{ name: "email", label: "E-mail", type: "email", autoComplete: "email" }]}
      />
      <p className="text-center text-sm">
        <Link className="font-medium text-brand-700 underline" href="/signin">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
