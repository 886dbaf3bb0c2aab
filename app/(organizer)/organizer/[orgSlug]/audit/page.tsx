import type { Metadata } from "next";
import Link from "next/link";
import { AuditChange } from "@/components/organizer/audit-change";
import { auditFilter, auditFilterQuery, AUDITED_ENTITY_TYPES } from "@/lib/audit/audit-filters";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { listMembers, STAFF_ADMIN_ROLES } from "@/lib/auth/memberships";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Audit log" };

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[]>> };

const PAGE_SIZE = 50;

const inputClass = "max-w-full rounded-lg border border-slate-300 bg-white px-2 py-2 text-base";
const labelClass = "flex max-w-full min-w-0 flex-col gap-1 text-sm font-medium";

/** Every recorded change of the organization, newest first, for its owners (and admins). */
export default async function AuditLogPage({ params, searchParams }: Props) {
  const { orgSlug } = await params;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/audit`, STAFF_ADMIN_ROLES);
  const query = auditFilterQuery.parse(await searchParams);
  const { db } = services();
  const [page, members] = await Promise.all([
    listAuditEntries(
      db,
      { organizationId: organization.id, ...auditFilter(query) },
      { limit: PAGE_SIZE, after: query.after ?? null },
    ),
    listMembers(db, organization.id),
  ]);
  const { after: _cursor, ...filters } = query;
  const olderHref = page.nextCursor
    ? `?${new URLSearchParams({ ...definedOnly(filters), after: page.nextCursor }).toString()}`
    : null;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="text-slate-700">Every change made in {organization.name}: who, what and when, newest first.</p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <label className={labelClass}>
          What
          <select name="entity" defaultValue={query.entity ?? ""} className={inputClass}>
            <option value="">Everything</option>
            {Object.entries(AUDITED_ENTITY_TYPES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Action
          <input
            name="action"
            defaultValue={query.action ?? ""}
            placeholder="e.g. event.published"
            className={inputClass}
          />
        </label>
        <label className={labelClass}>
          Who
          <select name="actor" defaultValue={query.actor ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.user.id} value={m.user.id}>
                {m.user.email}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          From
          <input type="date" name="from" defaultValue={query.from ?? ""} className={inputClass} />
        </label>
        <label className={labelClass}>
          To
          <input type="date" name="to" defaultValue={query.to ?? ""} className={inputClass} />
        </label>
        <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
          Filter
        </button>
        <Link href={`/organizer/${orgSlug}/audit`} className="py-2 text-sm text-brand-700 underline">
          Clear
        </Link>
      </form>

      {page.entries.length === 0 ? (
        <p className="text-slate-600">Nothing recorded{query.after ? " before these" : ""}.</p>
      ) : (
        <ol
          className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
          data-testid="audit-entries"
        >
          {page.entries.map((entry) => (
            <li key={entry.id} className="px-4 py-3">
              <p className="flex flex-wrap gap-x-3 text-sm">
                <code className="font-semibold">{entry.action}</code>
                <span className="text-slate-700">{entry.actor ? entry.actor.email : "system"}</span>
                <time dateTime={entry.createdAt.toISOString()} className="text-slate-600">
                  {entry.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                </time>
              </p>
              <p className="text-xs break-all text-slate-500">
                {entry.entityType} {entry.entityId}
              </p>
              <AuditChange data={entry.data} />
            </li>
          ))}
        </ol>
      )}
      {olderHref && (
        <Link href={olderHref} className="self-start rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium">
          Older
        </Link>
      )}
    </div>
  );
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
}
