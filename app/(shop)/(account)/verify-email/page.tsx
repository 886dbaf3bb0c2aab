import type { Metadata } from "next";
import Link from "next/link";
import { SimpleForm } from "@/components/auth/simple-form";
import { verifyEmailAction } from "../../account/settings/actions";

export const metadata: Metadata = { title: "Confirm your e-mail address", robots: { index: false } };

// Confirming takes a press of the button, not just opening the link: mail scanners open links too.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-4 py-10">
      <h1 className="text-2xl font-bold">Confirm your e-mail address</h1>
      {typeof token === "string" && token.length > 0 && token.length <= 300 ? (
        <SimpleForm action={verifyEmailAction} hidden={{ token }} submitLabel="Confirm my address" fields={[]} />
      ) : (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
          This link is incomplete. Open the whole link from the e-mail, or{" "}
          <Link className="font-medium underline" href="/account/settings#email">
            send yourself a new one
          </Link>
          .
        </p>
      )}
    </div>
  );
}
