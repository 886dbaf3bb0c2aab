import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Empty, Rows, SearchForm, TextInput, Timestamp } from "@/components/admin/ui";
import { KeysetPager } from "@/components/pagination/keyset-pager";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { pageFromSearch, searchParam, type SearchParams } from "@/lib/keyset";
import { listOrganizations } from "@/lib/auth/organization-admin";
import { services } from "@/lib/services";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Organizations · Site admin" };

type Props = { searchParams: Promise<SearchParams> };

export default async function AdminOrganizationsPage({ searchParams }: Props) {
  await requirePageActor(ADMIN_ACCESS, "/admin/organizations");
  const search = await searchParams;
  const query = searchParam(search, "q");
  const { items, older, newer } = await listOrganizations(services().db, {
    ...(query ? { query } : {}),
    page: pageFromSearch(search, 50),
  });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Organizations</h1>
      <details className="rounded-xl border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">New organization</summary>
        <ActionForm
          action={createOrganizationAction}
          submit="Create organization"
          pendingLabel="Creating…"
          className="mt-3 grid gap-3 sm:grid-cols-3 sm:items-end"
        >
          <TextInput name="name" label="Name" required />
          <TextInput name="slug" label="Address (slug)" placeholder="northstar-live" required />
          <TextInput name="ownerEmail" label="Owner's e-mail (an existing account)" type="email" required />
        </ActionForm>
      </details>
      <SearchForm action="/admin/organizations">
        <TextInput name="q" label="Name or slug" defaultValue={query} />
      </SearchForm>
      {items.length === 0 ? (
        <Empty>No organizations match.</Empty>
      ) : (
        <Rows testId="organizations">
          {items.map((org) => (
            <li key={org.id}>
              <Link
                href={`/admin/organizations/${org.id}`}
                className="grid gap-1 px-4 py-3 hover:bg-slate-50 md:grid-cols-[2fr_2fr_auto] md:items-center md:gap-4"
              >
                <span className="min-w-0">
                  <span className="block truncate font-semibold">{org.name}</span>
                  <span className="block truncate text-sm text-slate-600">/{org.slug}</span>
                </span>
                <span className="min-w-0 truncate text-sm">
                  {org.memberships.length
                    ? `Owner: ${org.memberships.map((m) => m.user.email).join(", ")}`
                    : "No owner"}
                </span>
                <span className="text-sm text-slate-600">
                  {org._count.events} events · {org._count.memberships} members · <Timestamp at={org.createdAt} />
                </span>
              </Link>
            </li>
          ))}
        </Rows>
      )}
      <KeysetPager path="/admin/organizations" query={{ q: query }} newer={newer} older={older} />
    </div>
  );
}
