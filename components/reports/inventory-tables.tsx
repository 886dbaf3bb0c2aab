import { formatMoney } from "@/lib/format";
import type { ReportTicketType, ReportZone } from "@/lib/reports/event-report";
import { count } from "./report-parts";

const th = "py-1.5 pr-3 font-semibold";
const td = "py-1.5 pr-3 text-right tabular-nums";

/** A table's column headings: the first names the row, the rest head right-aligned numbers. */
function HeaderRow({ first, numeric }: { first: string; numeric: readonly string[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-200">
        <th scope="col" className={th}>
          {first}
        </th>
        {numeric.map((label) => (
          <th key={label} scope="col" className={`${th} text-right`}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Sold, held now and left per ticket type, with what each brought in. */
export function TicketTypeTable({ types, currency }: { types: readonly ReportTicketType[]; currency: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm" data-testid="ticket-type-table">
        <caption className="sr-only">Sales by ticket type</caption>
        <HeaderRow first="Ticket type" numeric={["Sold", "Held now", "Left", "Capacity", "Voided", "Sales"]} />
        <tbody>
          {types.map((t) => (
            <tr key={t.id} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {t.name}
                <span className="block text-xs font-normal text-slate-600">
                  {t.kind === "RESERVED" ? "Reserved seats" : "General admission"}
                  {t.hidden ? " · hidden" : ""}
                  {t.blockedSeats ? ` · ${count(t.blockedSeats)} not for sale` : ""}
                </span>
              </th>
              <td className={td}>{count(t.sold)}</td>
              <td className={td}>{count(t.held)}</td>
              <td className={td}>{count(t.remaining)}</td>
              <td className={td}>{count(t.capacity)}</td>
              <td className={td}>{count(t.voidedTickets)}</td>
              <td className={td}>{formatMoney(t.revenueMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same by the seat map's price zones. */
export function ZoneTable({ zones, currency }: { zones: readonly ReportZone[]; currency: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-left text-sm" data-testid="zone-table">
        <caption className="sr-only">Sales by price zone</caption>
        <HeaderRow first="Price zone" numeric={["Sold", "Held now", "Left", "Not for sale", "Sales"]} />
        <tbody>
          {zones.map((z) => (
            <tr key={z.zone} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {z.zone}
              </th>
              <td className={td}>{count(z.sold)}</td>
              <td className={td}>{count(z.held)}</td>
              <td className={td}>{count(z.remaining)}</td>
              <td className={td}>{count(z.blockedSeats)}</td>
              <td className={td}>{formatMoney(z.revenueMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
