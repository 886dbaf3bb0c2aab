import type { Metadata } from "next";
import { SimpleForm } from "@/components/auth/simple-form";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { requirePageActor } from "@/lib/auth/page-actor";
import { services } from "@/lib/services";
import { changeEmailAction, changePasswordAction, deleteAccountAction, sendEmailVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Account settings", robots: { index: false } };

const currentPassword = {
  name: "currentPassword",
  label: "Current password",
  type: "password",
  autoComplete: "current-password",
};

export default async function AccountSettingsPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const actor = await requirePageActor("signed-in", "/account/settings");
  const { changed } = await searchParams;
  const verified = await isEmailVerified(services().db, actor.userId);
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-8 py-6">
      <div>
        <h1 className="text-2xl font-bold">Account settings</h1>
        <p className="text-slate-700">
          Signed in as {actor.name} ({actor.email})
        </p>
        {changed === "password" && (
          <p role="status" className="mt-3 rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-green-900">
            Your password was changed. Other devices signed in to your account have been signed out.
          </p>
        )}
      </div>
      <section id="email" aria-labelledby="address-heading" className="flex flex-col gap-3">
        <h2 id="address-heading" className="text-lg font-bold">
          E-mail address
        </h2>
        {verified ? (
          <p className="text-slate-700">{actor.email} is confirmed.</p>
        ) : (
          <>
            <p className="text-slate-700">
              {actor.email} is not confirmed yet. On-sales with a waiting room sell only to fans with a confirmed
              address, so confirm it before the day.
            </p>
            <SimpleForm action={sendEmailVerificationAction} submitLabel="E-mail me a confirmation link" fields={[]} />
          </>
        )}
      </section>
      <section aria-labelledby="password-heading" className="flex flex-col gap-3">
        <h2 id="password-heading" className="text-lg font-bold">
          Change password
        </h2>
        <SimpleForm
          action={changePasswordAction}
          submitLabel="Change password"
          fields={[
            currentPassword,
            {
              name: "newPassword",
              label: "New password",
              type: "password",
              autoComplete: "new-password",
              minLength: 10,
              hint: "At least 10 characters. Other devices will be signed out.",
            },
          ]}
        />
      </section>
      <section aria-labelledby="email-heading" className="flex flex-col gap-3">
        <h2 id="email-heading" className="text-lg font-bold">
          Change e-mail
        </h2>
        <SimpleForm
          action={changeEmailAction}
          submitLabel="Change e-mail"
          fields={[{ name: "newEmail", label: "New e-mail", type: "email", autoComplete: "email" }, currentPassword]}
        />
      </section>
      <section aria-labelledby="delete-heading" className="flex flex-col gap-3 rounded-xl border border-red-200 p-4">
        <h2 id="delete-heading" className="text-lg font-bold text-red-800">
          Delete account
        </h2>
        <p className="text-sm text-slate-700">
          Your name, e-mail and password are erased and you are signed out everywhere. Tickets you bought stay valid
          (keep the e-mails they came in) and their orders are kept, without your name, for the organizers&apos;
          records, as the law requires.
        </p>
        <SimpleForm
          action={deleteAccountAction}
          tone="danger"
          submitLabel="Delete my account"
          fields={[currentPassword, { name: "confirm", label: "Type DELETE to confirm", autoComplete: "off" }]}
        />
      </section>
    </div>
  );
}
