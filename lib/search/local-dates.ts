// A fan's date filter ("today", "this weekend", "this month", or from/to days) means the venue's
// calendar, not UTC's: a 6 PM show in Chicago is "today" at 8 PM Chicago time although UTC is already
// tomorrow. Each time zone of the catalogue gets its own UTC range, zones with the same range share one
// window, and the engines match (time zone IN zones AND starts within the range) OR … per window.
import { utcToVenueLocal, venueLocalToUtc } from "@/lib/zoned-time";

/** A calendar filter, read in each venue's time zone. Days are "YYYY-MM-DD"; `toDay` is included. */
export type LocalDates = { when: "today" | "weekend" | "month" } | { fromDay?: string; toDay?: string };

/** Events in one of `timeZones` that start in [from, to). */
export type DateWindow = { timeZones: string[]; from: Date; to?: Date };

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" `days` calendar days after `day` (DST does not apply to calendar arithmetic). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant a local day starts, or the given hour of it. Where clocks skip that hour (a few zones
 * switch at midnight), the day starts when the clocks resume, an hour later at most.
 */
function localInstant(day: string, timeZone: string, hour = 0): Date {
  const at = (h: number) => venueLocalToUtc(`${day}T${String(h).padStart(2, "0")}:00`, timeZone);
  return at(hour) ?? at(hour + 1)!;
}

/** The UTC range of a calendar filter in one time zone. */
export function localRange(dates: LocalDates, timeZone: string, now: Date): { from: Date; to?: Date } {
  if ("when" in dates) {
    const today = utcToVenueLocal(now, timeZone).slice(0, 10);
    if (dates.when === "today")
      return { from: localInstant(today, timeZone), to: localInstant(addDays(today, 1), timeZone) };
    if (dates.when === "month") {
      const firstOfNext = new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`));
      firstOfNext.setUTCMonth(firstOfNext.getUTCMonth() + 1);
      return {
        from: localInstant(today, timeZone),
        to: localInstant(firstOfNext.toISOString().slice(0, 10), timeZone),
      };
    }
    // This weekend: Friday 18:00 to Monday 00:00, the coming one from Monday to Thursday.
    const dayOfWeek = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
    const friday = addDays(today, dayOfWeek === 0 ? -2 : 5 - dayOfWeek);
    return { from: localInstant(friday, timeZone, 18), to: localInstant(addDays(friday, 3), timeZone) };
  }
  return {
    from: dates.fromDay ? localInstant(dates.fromDay, timeZone) : now,
    ...(dates.toDay ? { to: localInstant(addDays(dates.toDay, 1), timeZone) } : {}),
  };
}

/** One window per distinct range, with every zone that has it (zones in the order given). */
export function dateWindows(dates: LocalDates, timeZones: readonly string[], now: Date): DateWindow[] {
  const windows = new Map<string, DateWindow>();
  for (const timeZone of timeZones) {
    const range = localRange(dates, timeZone, now);
    const key = `${range.from.getTime()}-${range.to?.getTime() ?? ""}`;
    const window = windows.get(key);
    if (window) window.timeZones.push(timeZone);
    else windows.set(key, { timeZones: [timeZone], ...range });
  }
  return [...windows.values()];
}
