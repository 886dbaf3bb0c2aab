import type { Metadata } from "next";
import Link from "next/link";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { serviceModes } from "@/lib/config";
import { pendingApplicationCount } from "@/lib/organizations/applications";
import { outboxTrouble } from "@/lib/notifications/outbox";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Site admin" };

export default async function AdminHomePage() {
  await requirePageActor(ADMIN_ACCESS, "/admin");
  const { db } = services();
  const [pending, trouble] = await Promise.all([pendingApplicationCount(db), outboxTrouble(db)]);
  const card = "flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4 hover:shadow";
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Site admin</h1>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Link href="/admin/applications" className={card}>
          <span className="font-semibold">Organizer applications</span>
          <span className="text-slate-700" data-testid="pending-applications">
            {pending} waiting for an answer
          </span>
        </Link>
        <Link href="/admin/outbox" className={card}>
          <span className="font-semibold">Outbox</span>
          <span className={trouble.failed + trouble.stuck > 0 ? "text-red-800" : "text-slate-700"}>
            {trouble.failed} failed · {trouble.stuck} stuck past the attempt limit
          </span>
        </Link>
        <Link href="/admin/users" className={card}>
          <span className="font-semibold">Users</span>
          <span className="text-slate-700">Roles, disabling accounts</span>
        </Link>
        <Link href="/admin/organizations" className={card}>
          <span className="font-semibold">Organizations</span>
          <span className="text-slate-700">Create, change owners</span>
        </Link>
        <Link href="/admin/orders" className={card}>
          <span className="font-semibold">Order lookup</span>
          <span className="text-slate-700">By order id, ticket code or buyer e-mail</span>
        </Link>
        <Link href="/admin/audit" className={card}>
          <span className="font-semibold">Audit log</span>
          <span className="text-slate-700">Every recorded change</span>
        </Link>
        {serviceModes().email === "dev-mailbox" && (
          <Link href="/dev/mailbox" className={card}>
            <span className="font-semibold">Dev mailbox</span>
            <span className="text-slate-700">No e-mail provider is set: sent e-mails land here</span>
          </Link>
        )}
      </div>
    </div>
  );
}
