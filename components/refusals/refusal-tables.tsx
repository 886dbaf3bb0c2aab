import { REFUSAL_REASONS } from "@/lib/refusals/reasons";
import type { RefusalListRow, RefusalSummary } from "@/lib/refusals/store";

const count = (n: number) => n.toLocaleString("en-US");
const th = "py-1.5 pr-3 font-semibold";
const num = "py-1.5 pr-3 text-right tabular-nums";
const when = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** A timestamp as organizers read it, in UTC (refusals are counted by whole UTC minutes). */
function At({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{when.format(date)} UTC</time>;
}

/** Refused attempts per reason over the last hour and day. */
export function ReasonTable({ rows }: { rows: RefusalSummary["byReason"] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="refusals-by-reason">
        <caption className="sr-only">Refused attempts by reason</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className={th}>
              Reason
            </th>
            <th scope="col" className={`${th} text-right`}>
              Last hour
            </th>
            <th scope="col" className={`${th} text-right`}>
              Last 24 hours
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.reason} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {REFUSAL_REASONS[r.reason]}
              </th>
              <td className={num}>{count(r.lastHour)}</td>
              <td className={num}>{count(r.lastDay)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The accounts or address blocks refused most often: a name and a count per line. */
export function TopList({ label, items }: { label: string; items: { name: string; count: number }[] }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">None in the last 24 hours.</p>;
  return (
    <ol aria-label={label} className="flex flex-col divide-y divide-slate-100 text-sm">
      {items.map((item) => (
        <li key={item.name} className="flex justify-between gap-3 py-1.5">
          <span className="min-w-0 break-all">{item.name}</span>
          <span className="tabular-nums">{count(item.count)}</span>
        </li>
      ))}
    </ol>
  );
}

/** The refusal rows, most recent first: one per reason, account, address block and minute. */
export function RefusalRows({ rows }: { rows: RefusalListRow[] }) {
  return (
    <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="refusal-rows">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2">
          <span className="font-medium">{REFUSAL_REASONS[r.reason]}</span>
          <span className="tabular-nums">
            {count(r.count)} {r.count === 1 ? "attempt" : "attempts"}
          </span>
          <span className="w-full break-all text-slate-700">
            {r.email ?? (r.userId ? "Deleted account" : "No account")} · {r.addressBlock ?? "address not known"}
          </span>
          <span className="w-full text-xs text-slate-600">
            Last at <At date={r.lastAt} /> (minute of <At date={r.minute} />)
          </span>
        </li>
      ))}
    </ul>
  );
}
