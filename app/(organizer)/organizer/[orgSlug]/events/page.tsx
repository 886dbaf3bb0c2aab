import type { Metadata } from "next";
import Link from "next/link";
import { OrganizerEventList } from "@/components/event-authoring/event-list";
import { KeysetPager } from "@/components/pagination/keyset-pager";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { organizationEventCounts, organizationEvents, type EventListPeriod } from "@/lib/events/authoring-queries";
import { pageFromSearch, searchParam, type SearchParams } from "@/lib/keyset";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Events" };

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 50;

export default async function OrganizerEventsPage({ params, searchParams }: Props) {
  const { orgSlug } = await params;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/events`);
  const search = await searchParams;
  const period: EventListPeriod = searchParam(search, "period") === "past" ? "past" : "upcoming";
  const { db, clock } = services();
  const now = clock();
  const [{ events, older, newer }, counts] = await Promise.all([
    organizationEvents(db, { organizationId: organization.id, now, period, page: pageFromSearch(search, PAGE_SIZE) }),
    organizationEventCounts(db, { organizationId: organization.id, now }),
  ]);
  const base = `/organizer/${orgSlug}/events`;
  const total = counts.upcoming + counts.past;
  const tab = (value: EventListPeriod, label: string) => (
    <Link
      href={value === "upcoming" ? base : `${base}?period=past`}
      aria-current={period === value ? "page" : undefined}
      className={`rounded px-3 py-1.5 ${period === value ? "bg-brand-50 text-brand-900" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {label} ({counts[value].toLocaleString("en-US")})
    </Link>
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Events</h1>
          <p className="text-slate-600">
            {organization.name} · {total.toLocaleString("en-US")} {total === 1 ? "event" : "events"}
          </p>
        </div>
        <Link
          href={`${base}/new`}
          className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          New event
        </Link>
      </div>

      {total === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white px-4 py-6 text-center text-slate-700">
          No events yet. Create a draft; nothing is public until you publish it.
        </p>
      ) : (
        <>
          <nav aria-label="Events by date" className="flex gap-1 text-sm font-medium">
            {tab("upcoming", "Upcoming")}
            {tab("past", "Past")}
          </nav>
          {events.length ? (
            <OrganizerEventList events={events} base={base} />
          ) : (
            <p className="text-slate-600">{period === "past" ? "No past events." : "Nothing coming up."}</p>
          )}
          <KeysetPager
            path={base}
            query={{ period: period === "past" ? "past" : undefined }}
            newer={newer}
            older={older}
            labels={period === "past" ? { newer: "Later", older: "Earlier" } : { newer: "Sooner", older: "Later" }}
          />
        </>
      )}
    </div>
  );
}
