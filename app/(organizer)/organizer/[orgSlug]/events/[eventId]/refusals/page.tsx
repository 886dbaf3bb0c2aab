import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KeysetPager } from "@/components/pagination/keyset-pager";
import { ReportCard } from "@/components/reports/report-parts";
import { ReasonTable, RefusalRows, TopList } from "@/components/refusals/refusal-tables";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { isOrganizationEvent } from "@/lib/events/authoring-queries";
import { authoredEvent } from "@/lib/events/authoring-view";
import { pageFromSearch, searchParam, type SearchParams } from "@/lib/keyset";
import { REFUSAL_FLUSH_INTERVAL_MS } from "@/lib/refusals/recorder";
import { refusalList, refusalSummary } from "@/lib/refusals/store";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Refused attempts" };

type Props = { params: Promise<{ orgSlug: string; eventId: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 25;

/** Who was turned away from buying for one event, and why: the refusal audit trail (lib/refusals). */
export default async function EventRefusalsPage({ params, searchParams }: Props) {
  const { orgSlug, eventId } = await params;
  const search = await searchParams;
  const path = `/organizer/${orgSlug}/events/${encodeURIComponent(eventId)}/refusals`;
  const { organization } = await requireOrganizationPage(orgSlug, path);
  const { db, clock } = services();
  if (!(await isOrganizationEvent(db, { organizationId: organization.id, eventId }))) notFound();
  const [event, summary, list] = await Promise.all([
    authoredEvent(db, eventId),
    refusalSummary(db, { eventId, now: clock() }),
    refusalList(db, { eventId, page: pageFromSearch(search, PAGE_SIZE) }),
  ]);
  const seconds = REFUSAL_FLUSH_INTERVAL_MS / 1000;
  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm">
        <Link href={`/organizer/${orgSlug}/events/${encodeURIComponent(eventId)}`} className="text-brand-700 underline">
          ← {event.title}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">Refused attempts · {event.title}</h1>
        <p className="text-slate-700">
          Purchase attempts we turned away: too many requests, the waiting room, unconfirmed e-mail addresses and the
          per-fan and per-card limits. Counts arrive within about {seconds} seconds and are kept 30 days.
        </p>
      </header>
      {summary.byReason.length === 0 && !searchParam(search, "after") ? (
        <p role="status" className="rounded-xl border border-slate-200 bg-white p-4">
          No attempts were refused in the last 24 hours.
        </p>
      ) : (
        <>
          <ReportCard title="By reason" id="by-reason">
            <ReasonTable rows={summary.byReason} />
          </ReportCard>
          <div className="grid gap-5 md:grid-cols-2">
            <ReportCard title="Accounts refused most (24 hours)" id="top-accounts">
              <TopList
                label="Accounts refused most"
                items={summary.topAccounts.map((a) => ({ name: a.email ?? "Deleted account", count: a.count }))}
              />
            </ReportCard>
            <ReportCard title="Address blocks refused most (24 hours)" id="top-blocks">
              <TopList
                label="Address blocks refused most"
                items={summary.topAddressBlocks.map((b) => ({ name: b.addressBlock, count: b.count }))}
              />
            </ReportCard>
          </div>
        </>
      )}
      {list.items.length > 0 && (
        <ReportCard title="Newest first" id="newest">
          <RefusalRows rows={list.items} />
          <KeysetPager path={path} query={{}} newer={list.newer} older={list.older} />
        </ReportCard>
      )}
    </div>
  );
}
