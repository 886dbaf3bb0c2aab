// Display formatting shared by server and client components.
import { toMajorUnits } from "./money";
import { seatName } from "./seat-order";

export function formatMoney(amountMinor: number, currency: string, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(toMajorUnits(amountMinor, currency));
}

/** "Saturday, March 14, 2027 at 8:00 PM EDT", in the venue's own time zone. */
export function formatEventDate(date: Date, timeZone: string, locale = "en-US"): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

/** Whether two instants fall in the same calendar year in `timeZone` (a venue's New Year is its own). */
function sameYearIn(a: Date, b: Date, timeZone: string): boolean {
  const year = (d: Date) => new Intl.DateTimeFormat("en-US", { year: "numeric", timeZone }).format(d);
  return year(a) === year(b);
}

/**
 * The parts of an event card's date block, in the venue's time zone. `year` is set only when the
 * date is not in the current year there (given `now`), so "Jan 9" next year does not read as this one.
 */
export function formatShortDate(
  date: Date,
  timeZone: string,
  now?: Date,
  locale = "en-US",
): { month: string; day: string; weekday: string; time: string; year?: string } {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
  return {
    month: part({ month: "short" }),
    day: part({ day: "numeric" }),
    weekday: part({ weekday: "short" }),
    time: part({ hour: "numeric", minute: "2-digit" }),
    ...(now && !sameYearIn(date, now, timeZone) ? { year: part({ year: "numeric" }) } : {}),
  };
}

/**
 * "Fri, Jan 9 at 10:00 AM CST": when tickets go on sale, in the venue's time zone, with the year
 * when it is not the current one there ("Fri, Jan 9, 2032 at …").
 */
export function formatOnSaleDate(date: Date, timeZone: string, now = new Date(), locale = "en-US"): string {
  const day = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(sameYearIn(date, now, timeZone) ? {} : { year: "numeric" }),
    timeZone,
  }).format(date);
  const time = new Intl.DateTimeFormat(locale, {
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
  return `${day} at ${time}`;
}

/** Where a ticket gets you in: "Section 101, Row 2, Seat 5", or its ticket type for general admission. */
export function ticketPlace(ticket: {
  ticketType: { name: string };
  seat: { section: string; row: string; number: string } | null;
}): string {
  return ticket.seat ? seatName(ticket.seat) : `${ticket.ticketType.name} (general admission)`;
}
