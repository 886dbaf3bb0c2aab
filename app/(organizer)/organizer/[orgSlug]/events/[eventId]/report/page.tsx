import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketTypeTable, ZoneTable } from "@/components/reports/inventory-tables";
import { OccupancyMap } from "@/components/reports/occupancy-map";
import {
  ConversionAndRefunds,
  CurrencyNote,
  Figures,
  ReportCard,
  totalsFigures,
} from "@/components/reports/report-parts";
import { SalesChart } from "@/components/reports/sales-chart";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { formatEventDate } from "@/lib/format";
import { eventReport } from "@/lib/reports/event-report";
import { seatOccupancy } from "@/lib/reports/seat-occupancy";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Event report" };

type Props = { params: Promise<{ orgSlug: string; eventId: string }> };

export default async function EventReportPage({ params }: Props) {
  const { orgSlug, eventId } = await params;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/events/${eventId}/report`);
  const deps = services();
  const report = await eventReport(deps, { organizationId: organization.id, eventId });
  if (!report) notFound();
  const occupancy = report.seatMap ? await seatOccupancy(deps, report.event.id) : null;
  const { event, totals, currency } = report;
  const api = `/api/v1/events/${encodeURIComponent(event.id)}`;

  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm">
        <Link href={`/organizer/${orgSlug}/events/${event.id}`} className="text-brand-700 underline">
          ← Edit {event.title}
        </Link>
      </p>
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Report: {event.title}</h1>
          <p className="text-slate-700">
            {formatEventDate(event.startsAt, event.venue.timeZone)} · {event.venue.name}, {event.venue.city}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a
            href={`${api}/orders.csv`}
            download
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-50"
          >
            Orders (CSV)
          </a>
          <a
            href={`${api}/attendees.csv`}
            download
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-50"
          >
            Attendees (CSV)
          </a>
        </div>
      </header>

      <CurrencyNote currencies={totals.currencies} />
      <Figures figures={totalsFigures(totals, currency, report.capacity)} />

      <ReportCard title="Sales over time" id="sales">
        <SalesChart sales={report.sales} currency={currency} title="Sales of this event" />
      </ReportCard>

      <ReportCard title="By ticket type" id="ticket-types">
        <TicketTypeTable types={report.ticketTypes} currency={currency} />
        <p className="text-sm text-slate-700">
          {report.remaining.toLocaleString("en-US")} of {report.capacity.toLocaleString("en-US")} tickets left. Sales
          are what paid orders paid, fees included, before refunds.
        </p>
      </ReportCard>

      {report.zones.length > 0 && (
        <ReportCard title="By price zone" id="zones">
          <ZoneTable zones={report.zones} currency={currency} />
        </ReportCard>
      )}

      <ConversionAndRefunds totals={totals} currency={currency} />

      {report.seatMap && occupancy && (
        <ReportCard title="Seat map" id="seat-map">
          <OccupancyMap geometryUrl={report.seatMap.url} occupancy={occupancy} />
        </ReportCard>
      )}
    </div>
  );
}
