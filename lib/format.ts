// Display formatting shared by server and client components.
import { toMajorUnits } from "./money";

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

export function formatShortDate(
  date: Date,
  timeZone: string,
  locale = "en-US",
): { month: string; day: string; weekday: string; time: string } {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
  return {
    month: part({ month: "short" }),
    day: part({ day: "numeric" }),
    weekday: part({ weekday: "short" }),
    time: part({ hour: "numeric", minute: "2-digit" }),
  };
}

/**
 * "Fri, Jan 9 at 10:00 AM CST": when tickets go on sale, in the venue's time zone, with the year
 * when it is not the current one there ("Fri, Jan 9, 2032 at …").
 */
export function formatOnSaleDate(date: Date, timeZone: string, now = new Date(), locale = "en-US"): string {
  const year = (d: Date) => new Intl.DateTimeFormat(locale, { year: "numeric", timeZone }).format(d);
  const day = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(year(date) === year(now) ? {} : { year: "numeric" }),
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
