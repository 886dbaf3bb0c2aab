import type { Metadata } from "next";
import Link from "next/link";
import {
  count,
  CurrencyNote,
  ConversionAndRefunds,
  Figures,
  ReportCard,
  totalsFigures,
} from "@/components/reports/report-parts";
import { SalesChart } from "@/components/reports/sales-chart";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { formatMoney, formatShortDate } from "@/lib/format";
import { organizationReport } from "@/lib/reports/organization-report";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Reports" };

type Props = { params: Promise<{ orgSlug: string }> };

export default async function OrganizationReportsPage({ params }: Props) {
  const { orgSlug } = await params;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/reports`);
  const report = await organizationReport(services(), { organizationId: organization.id });
  // Past and future events share the table: a date outside this year says which year.
  const now = services().clock();
  const { totals, currency } = report;
  const withSales = report.events.filter((e) => e.paidOrders > 0 || e.sold > 0);

  return (
    <div className="flex flex-col gap-5">
      <header>
        <h1 className="text-2xl font-bold">Reports</h1>
        <p className="text-slate-600">{organization.name} · all events</p>
      </header>
      <CurrencyNote currencies={totals.currencies} />
      <Figures figures={totalsFigures(totals, currency, report.capacity)} />

      <ReportCard title="Sales over time" id="sales">
        <SalesChart sales={report.sales} currency={currency} title={`Sales of ${organization.name}`} />
      </ReportCard>

      <ConversionAndRefunds totals={totals} currency={currency} />

      <ReportCard title="By event" id="events">
        {withSales.length === 0 ? (
          <p className="text-sm text-slate-700">No event has sold anything yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm" data-testid="event-table">
              <caption className="sr-only">Sales by event, latest first</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1.5 pr-3">
                    Event
                  </th>
                  <th scope="col" className="py-1.5 pr-3 text-right">
                    Sold
                  </th>
                  <th scope="col" className="py-1.5 pr-3 text-right">
                    Capacity
                  </th>
                  <th scope="col" className="py-1.5 pr-3 text-right">
                    Paid
                  </th>
                  <th scope="col" className="py-1.5 text-right">
                    Refunded
                  </th>
                </tr>
              </thead>
              <tbody>
                {withSales.map((e) => {
                  const date = formatShortDate(e.startsAt, e.timeZone, now);
                  return (
                    <tr key={e.id} className="border-b border-slate-100">
                      <th scope="row" className="py-1.5 pr-3 font-medium">
                        <Link href={`/organizer/${orgSlug}/events/${e.id}/report`} className="text-brand-700 underline">
                          {e.title}
                        </Link>
                        <span className="block text-xs font-normal text-slate-600">
                          {date.weekday} {date.month} {date.day}
                          {date.year ? `, ${date.year}` : ""}
                          {e.status === "CANCELLED" ? " · cancelled" : ""}
                        </span>
                      </th>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{count(e.sold)}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{count(e.capacity)}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{formatMoney(e.grossMinor, currency)}</td>
                      <td className="py-1.5 text-right tabular-nums">{formatMoney(e.refundedMinor, currency)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ReportCard>
    </div>
  );
}
