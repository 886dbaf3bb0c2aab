import { formatMoney } from "@/lib/format";
import { toMajorUnits } from "@/lib/money";
import type { SalesDay } from "@/lib/reports/sales-series";
import { axisTicks, labelledIndexes } from "./chart-scale";

// Tickets sold per day (bars, left axis) and revenue so far (line, right axis), drawn on the
// server as SVG: no chart library, no script. The table below says the same in words for
// screen readers and for anyone who wants the numbers.

const WIDTH = 720;
const HEIGHT = 280;
const PAD = { top: 16, right: 72, bottom: 40, left: 48 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const BAR_COLOR = "#4338ca";
const LINE_COLOR = "#b45309";

/** "Nov 19" for "2026-11-19": the day is already the venue's date, so it is read as UTC. */
const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** "$1.2K"-style labels keep the right axis narrow. */
function compactMoney(amountMajor: number, currency: string) {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(amountMajor);
}

export function SalesChart({
  sales,
  currency,
  title,
}: {
  sales: readonly SalesDay[];
  currency: string;
  title: string;
}) {
  if (sales.length === 0) {
    return <p className="text-sm text-slate-600">No sales yet: the chart starts with the first paid order.</p>;
  }
  const cumulative = sales.reduce<number[]>((sums, d) => [...sums, (sums.at(-1) ?? 0) + d.revenueMinor], []);
  const running = cumulative.at(-1)!;
  const ticketTicks = axisTicks(Math.max(...sales.map((d) => d.tickets)));
  // Revenue is plotted in major units, so the axis steps are round amounts of money.
  const moneyTicks = axisTicks(toMajorUnits(running, currency));
  const ticketTop = ticketTicks.at(-1)!;
  const moneyTop = moneyTicks.at(-1)!;
  const slot = PLOT_W / sales.length;
  const barWidth = Math.max(1, slot * 0.7);
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const yTickets = (n: number) => PAD.top + PLOT_H - (n / ticketTop) * PLOT_H;
  const yMoney = (major: number) => PAD.top + PLOT_H - (major / moneyTop) * PLOT_H;
  const line = cumulative
    .map((m, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${yMoney(toMajorUnits(m, currency)).toFixed(1)}`)
    .join(" ");
  const totalTickets = sales.reduce((sum, d) => sum + d.tickets, 0);
  const summary = `${totalTickets.toLocaleString("en-US")} tickets sold from ${dayLabel(sales[0]!.day)} to ${dayLabel(
    sales.at(-1)!.day,
  )}, ${formatMoney(running, currency)} in all.`;

  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}: ${summary}`}
        data-testid="sales-chart"
        className="h-auto w-full"
      >
        {ticketTicks.map((t) => (
          <g key={`t${t}`}>
            <line x1={PAD.left} x2={PAD.left + PLOT_W} y1={yTickets(t)} y2={yTickets(t)} stroke="#e2e8f0" />
            <text
              x={PAD.left - 6}
              y={yTickets(t)}
              textAnchor="end"
              dominantBaseline="central"
              fontSize={11}
              fill="#334155"
            >
              {t.toLocaleString("en-US")}
            </text>
          </g>
        ))}
        {moneyTicks.map((m) => (
          <text
            key={`m${m}`}
            x={PAD.left + PLOT_W + 6}
            y={yMoney(m)}
            dominantBaseline="central"
            fontSize={11}
            fill={LINE_COLOR}
          >
            {compactMoney(m, currency)}
          </text>
        ))}
        {sales.map((d, i) => (
          <rect
            key={d.day}
            x={x(i) - barWidth / 2}
            y={yTickets(d.tickets)}
            width={barWidth}
            height={PAD.top + PLOT_H - yTickets(d.tickets)}
            fill={BAR_COLOR}
          >
            <title>{`${dayLabel(d.day)}: ${d.tickets} tickets, ${formatMoney(d.revenueMinor, currency)}`}</title>
          </rect>
        ))}
        <path d={line} fill="none" stroke={LINE_COLOR} strokeWidth={2.5} strokeLinejoin="round" />
        <line x1={PAD.left} x2={PAD.left + PLOT_W} y1={PAD.top + PLOT_H} y2={PAD.top + PLOT_H} stroke="#64748b" />
        {labelledIndexes(sales.length).map((i) => (
          <text key={`d${i}`} x={x(i)} y={PAD.top + PLOT_H + 16} textAnchor="middle" fontSize={11} fill="#334155">
            {dayLabel(sales[i]!.day)}
          </text>
        ))}
        <text x={PAD.left - 40} y={PAD.top + PLOT_H + 34} fontSize={11} fill={BAR_COLOR} fontWeight={600}>
          ▮ Tickets per day
        </text>
        <text
          x={PAD.left + PLOT_W + 64}
          y={PAD.top + PLOT_H + 34}
          textAnchor="end"
          fontSize={11}
          fill={LINE_COLOR}
          fontWeight={600}
        >
          ━ Revenue so far
        </text>
      </svg>
      <figcaption className="text-sm text-slate-700">{summary} Days are the venue&apos;s.</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Show the numbers as a table</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-left" data-testid="sales-table">
            <caption className="sr-only">{title} by day</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">
                  Day
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Orders
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Tickets
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Revenue
                </th>
                <th scope="col" className="py-1 text-right">
                  Refunded
                </th>
              </tr>
            </thead>
            <tbody>
              {sales.map((d) => (
                <tr key={d.day} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {dayLabel(d.day)}
                  </th>
                  <td className="py-1 pr-3 text-right">{d.orders}</td>
                  <td className="py-1 pr-3 text-right">{d.tickets}</td>
                  <td className="py-1 pr-3 text-right">{formatMoney(d.revenueMinor, currency)}</td>
                  <td className="py-1 text-right">{formatMoney(d.refundedMinor, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
