import type { Metadata } from "next";
import { Empty, SearchForm, TextInput, Timestamp } from "@/components/admin/ui";
import { KeysetPager } from "@/components/pagination/keyset-pager";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { pageFromSearch, searchParam, type SearchParams } from "@/lib/keyset";
import { resolveAuditFilter } from "@/lib/audit/admin-filter";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Audit log · Site admin" };

type Props = { searchParams: Promise<SearchParams> };

const FIELDS = ["organization", "entityType", "action", "actor", "since", "until"] as const;

export default async function AdminAuditPage({ searchParams }: Props) {
  await requirePageActor(ADMIN_ACCESS, "/admin/audit");
  const search = await searchParams;
  const form = Object.fromEntries(FIELDS.map((name) => [name, searchParam(search, name)?.trim() || undefined]));
  const { db } = services();
  const filter = await resolveAuditFilter(db, form);
  const { entries, nextCursor, previousCursor } = filter
    ? await listAuditEntries(db, filter, pageFromSearch(search, 50))
    : { entries: [], nextCursor: null, previousCursor: null };
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <SearchForm action="/admin/audit">
        <TextInput name="organization" label="Organization (slug)" defaultValue={form.organization} />
        <TextInput name="entityType" label="Entity type" placeholder="order" defaultValue={form.entityType} />
        <TextInput name="action" label="Action starts with" placeholder="user." defaultValue={form.action} />
        <TextInput name="actor" label="Actor's e-mail" type="email" defaultValue={form.actor} />
        <TextInput name="since" label="From (UTC)" type="date" defaultValue={form.since} />
        <TextInput name="until" label="To (UTC, inclusive)" type="date" defaultValue={form.until} />
      </SearchForm>
      {entries.length === 0 ? (
        <Empty>No entries match.</Empty>
      ) : (
        <ul
          className="flex flex-col divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
          data-testid="audit"
        >
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-1 px-4 py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-mono text-sm font-semibold">{entry.action}</span>
                <span className="text-sm text-slate-600">
                  <Timestamp at={entry.createdAt} />
                </span>
              </div>
              <p className="text-sm break-all text-slate-700">
                {entry.entityType} {entry.entityId} · by {entry.actor?.email ?? "the system"}
              </p>
              {entry.data !== null && (
                <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap">
                  {JSON.stringify(entry.data)}
                </pre>
              )}
            </li>
          ))}
        </ul>
      )}
      <KeysetPager path="/admin/audit" query={form} newer={previousCursor} older={nextCursor} />
    </div>
  );
}
