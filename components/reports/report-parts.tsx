import type { ReactNode } from "react";
import { formatMoney } from "@/lib/format";
import type { SalesTotals } from "@/lib/reports/totals";

// The report pages' building blocks (server components): cards, figures, the sales funnel and refunds.

export function ReportCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="flex min-w-0 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Figures({ figures }: { figures: { label: string; value: string; note?: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {figures.map((f) => (
        <div key={f.label} className="rounded-xl border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-600">{f.label}</dt>
          <dd className="text-xl font-bold tabular-nums">{f.value}</dd>
          {f.note && <dd className="text-xs text-slate-600">{f.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

export const count = (n: number) => n.toLocaleString("en-US");

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : "—");

/** The headline figures every report starts with. */
export function totalsFigures(totals: SalesTotals, currency: string, capacity: number) {
  return [
    { label: "Tickets sold", value: count(totals.ticketsIssued), note: `of ${count(capacity)} on sale` },
    {
      label: "Net revenue",
      value: formatMoney(totals.netMinor, currency),
      note: `${formatMoney(totals.grossMinor, currency)} paid, ${formatMoney(totals.refundedMinor, currency)} refunded`,
    },
    {
      label: "Held right now",
      value: count(totals.liveHolds.tickets),
      note: `in ${count(totals.liveHolds.holds)} holds`,
    },
    {
      label: "Paid orders",
      value: count(totals.conversion.paid),
      note: `${percent(totals.conversion.paid, totals.conversion.holds)} of holds`,
    },
    {
      label: "Checked in",
      value: count(totals.ticketsCheckedIn),
      note: percent(totals.ticketsCheckedIn, totals.ticketsIssued) + " of tickets",
    },
  ];
}

/** Holds → orders → paid, as a list of bars whose widths are shares of the holds. */
function Conversion({ conversion }: { conversion: SalesTotals["conversion"] }) {
  const steps = [
    { label: "Holds taken", value: conversion.holds },
    { label: "Checkouts started", value: conversion.orders },
    { label: "Orders paid", value: conversion.paid },
  ];
  const top = Math.max(1, conversion.holds, conversion.orders);
  return (
    <ol className="flex flex-col gap-2" data-testid="conversion">
      {steps.map((step, i) => (
        <li key={step.label} className="flex flex-col gap-1 text-sm">
          <span className="flex justify-between gap-2">
            <span className="font-medium">{step.label}</span>
            <span className="tabular-nums">
              {count(step.value)}
              {i > 0 && (
                <span className="text-slate-600"> ({percent(step.value, steps[i - 1]!.value)} of the step before)</span>
              )}
            </span>
          </span>
          <span aria-hidden="true" className="h-2 rounded bg-slate-100">
            <span className="block h-2 rounded bg-brand-600" style={{ width: `${(step.value / top) * 100}%` }} />
          </span>
        </li>
      ))}
    </ol>
  );
}

function Refunds({ refunds, currency }: { refunds: SalesTotals["refunds"]; currency: string }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm" data-testid="refunds">
      <dt className="text-slate-600">Refunds made</dt>
      <dd className="text-right tabular-nums">{count(refunds.count)}</dd>
      <dt className="text-slate-600">Amount refunded</dt>
      <dd className="text-right tabular-nums">{formatMoney(refunds.amountMinor, currency)}</dd>
      <dt className="text-slate-600">Orders refunded in full</dt>
      <dd className="text-right tabular-nums">{count(refunds.refundedOrders)}</dd>
      <dt className="text-slate-600">Orders refunded in part</dt>
      <dd className="text-right tabular-nums">{count(refunds.partiallyRefundedOrders)}</dd>
    </dl>
  );
}

/** A note when the sums add up orders in more than one currency (they are shown in the first). */
export function CurrencyNote({ currencies }: { currencies: string[] }) {
  if (currencies.length < 2) return null;
  return (
    <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      These sales are in {currencies.join(", ")}; the sums below add them up as if they were {currencies[0]}.
    </p>
  );
}

/** Conversion and refunds side by side: both reports show them the same way. */
export function ConversionAndRefunds({ totals, currency }: { totals: SalesTotals; currency: string }) {
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <ReportCard title="From hold to paid order" id="conversion">
        <Conversion conversion={totals.conversion} />
      </ReportCard>
      <ReportCard title="Refunds" id="refunds">
        <Refunds refunds={totals.refunds} currency={currency} />
      </ReportCard>
    </div>
  );
}
