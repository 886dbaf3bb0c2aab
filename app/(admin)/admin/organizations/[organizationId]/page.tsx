import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { TextInput, Timestamp } from "@/components/admin/ui";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { organizationForAdmin } from "@/lib/auth/organization-admin";
import { services } from "@/lib/services";
import { setOwnerAction } from "../actions";

export const metadata: Metadata = { title: "Organization · Site admin" };

type Props = { params: Promise<{ organizationId: string }>; searchParams: Promise<{ created?: string }> };

export default async function AdminOrganizationPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  await requirePageActor(ADMIN_ACCESS, `/admin/organizations/${organizationId}`);
  const organization = await organizationForAdmin(services().db, organizationId);
  if (!organization) notFound();
  const { created } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/organizations" className="text-sm text-brand-700 underline">
          Organizations
        </Link>
        <h1 className="text-2xl font-bold">{organization.name}</h1>
        <p className="text-slate-600">
          /{organization.slug} · {organization._count.events} events · {organization._count.venues} venues · created{" "}
          <Timestamp at={organization.createdAt} />
        </p>
        {created && <p className="mt-2 text-green-800">Organization created.</p>}
        <Link href={`/organizer/${organization.slug}`} className="mt-2 inline-block text-brand-700 underline">
          Open its dashboard
        </Link>
      </div>

      <section className="flex flex-col gap-2" aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        <ul className="flex flex-col divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {organization.memberships.map((m) => (
            <li key={m.user.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
              <Link href={`/admin/users/${m.user.id}`} className="break-all text-brand-700 underline">
                {m.user.email}
              </Link>
              <span className="text-sm">{m.role.toLowerCase().replace("_", "-")}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="flex flex-col gap-2" aria-labelledby="owner-heading">
        <h2 id="owner-heading" className="text-lg font-semibold">
          Owner
        </h2>
        <ActionForm action={setOwnerAction} submit="Make owner" pendingLabel="Saving…">
          <input type="hidden" name="organizationId" value={organization.id} />
          <TextInput name="ownerEmail" label="E-mail of an existing account" type="email" required />
          <label className="flex items-center gap-2 py-2 text-sm">
            <input type="checkbox" name="replace" defaultChecked /> The current owners become managers
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
