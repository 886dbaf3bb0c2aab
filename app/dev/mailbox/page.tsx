import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-actor";
import { config, serviceModes } from "@/lib/config";
import { listDevMail } from "@/lib/notifications/email/dev-mailbox";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

// Only exists while no e-mail provider is configured: it shows every e-mail
// the platform "sent", so it must never be reachable once real mail flows.
export default async function DevMailboxPage() {
  if (serviceModes().email !== "dev-mailbox") notFound();
  // Everyone's e-mail is here: on a production server only admins may read it.
  if (config().NODE_ENV === "production") await requirePageActor(["ADMIN"], "/dev/mailbox");
  const mails = await listDevMail(services().db, { limit: 100 });
  return (
    <main className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="text-2xl font-bold">Dev mailbox</h1>
      <p className="mb-4 text-slate-600">
        E-mails sent while no provider is configured (set RESEND_API_KEY to send real ones).
      </p>
      {mails.length === 0 && <p className="text-slate-700">No e-mails yet.</p>}
      <ul className="flex flex-col gap-4">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">
              To <strong>{mail.to}</strong> · {mail.createdAt.toISOString()}
            </p>
            <h2 className="font-semibold">{mail.subject}</h2>
            <pre className="mt-2 text-sm whitespace-pre-wrap text-slate-800">{mail.text}</pre>
          </li>
        ))}
      </ul>
    </main>
  );
}
