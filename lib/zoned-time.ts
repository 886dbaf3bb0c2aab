// Wall-clock times in a venue's time zone ("2027-03-14T20:00" in America/New_York) to
// instants and back, with Intl only. Organizers think in the venue's local time, the
// database stores UTC; these two functions are the only bridge between them.
//
// Daylight saving time makes the mapping imperfect, and we say so instead of guessing:
// - a wall time skipped when clocks go forward (02:30 on a spring-forward night) does not
//   exist: `venueLocalToUtc` returns null and the caller reports it;
// - a wall time repeated when clocks go back (01:30 on a fall-back night) happens twice:
//   the earlier instant is taken, as Temporal's "compatible" disambiguation does.

/** "YYYY-MM-DDTHH:mm", the value of an <input type="datetime-local">. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `instant`, as milliseconds of a UTC date with the same fields. */
function wallClockMs(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds (New York in winter: −5 h). */
function offsetMs(instant: number, timeZone: string): number {
  // Whole seconds only: Intl does not show milliseconds.
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

/** Whether `timeZone` is a zone this runtime knows ("Europe/Berlin" yes, "Mars/Olympus" no). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Whether `value` is a well-formed local date-time whose fields exist on a calendar (no 31 April). */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24;
}

/**
 * The instant at which the venue's clocks show `local` ("YYYY-MM-DDTHH:mm"), or null when
 * they never do (the hour skipped by a spring-forward change). A time that occurs twice
 * (the hour repeated in autumn) resolves to the earlier instant. Throws on malformed input.
 */
export function venueLocalToUtc(local: string, timeZone: string): Date | null {
  if (!isLocalDateTime(local)) throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): ${local}`);
  const [, y, mo, d, h, mi] = LOCAL_DATE_TIME.exec(local)!.map(Number) as number[];
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // Zones change their offset at most once in any two days, so the offsets a day either
  // side are the only candidates; each gives an instant, which is right if it reads back.
  const day = 24 * 3600_000;
  const candidates = [...new Set([offsetMs(asUtc - day, timeZone), offsetMs(asUtc + day, timeZone)])]
    .map((offset) => asUtc - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === asUtc)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : null;
}

/** The venue's wall clock at `instant`, as "YYYY-MM-DDTHH:mm" (seconds dropped). */
export function utcToVenueLocal(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** "UTC−05:00" / "UTC+05:30": the zone's offset at `instant`, for labels beside date inputs. */
export function utcOffsetLabel(instant: Date, timeZone: string): string {
  const minutes = Math.round(offsetMs(instant.getTime(), timeZone) / 60_000);
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
