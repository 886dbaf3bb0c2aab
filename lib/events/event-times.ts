import { AppError } from "@/lib/errors";
import { isLocalDateTime, venueLocalToUtc } from "@/lib/zoned-time";

// Times arrive as the venue's wall clock or as ISO instants (lib/events/event-schemas.ts,
// `eventTime`); these turn them into instants and check that they make sense together.

export type TimeIssue = { path: string; message: string };

/** An `eventTime` as an instant: venue-local times in `timeZone`; null for a skipped (DST) time. */
export function toInstant(value: string, timeZone: string): Date | null {
  return isLocalDateTime(value) ? venueLocalToUtc(value, timeZone) : new Date(value);
}

/**
 * Converts the named time fields of `input` (undefined stays undefined, null stays null),
 * collecting an issue for each wall-clock time the venue's clocks skip.
 */
export function resolveTimes<K extends string>(
  input: Partial<Record<K, string | null | undefined>>,
  keys: readonly K[],
  timeZone: string,
): { times: Partial<Record<K, Date | null>>; issues: TimeIssue[] } {
  const times: Partial<Record<K, Date | null>> = {};
  const issues: TimeIssue[] = [];
  for (const key of keys) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null) {
      times[key] = null;
      continue;
    }
    const instant = toInstant(value, timeZone);
    if (instant) times[key] = instant;
    else issues.push({ path: key, message: `does not exist in ${timeZone}: clocks skip it for daylight saving time` });
  }
  return { times, issues };
}

/** The order events need: the doors open after sales start, and the show ends after it starts. */
export function eventDateIssues(dates: { startsAt: Date; endsAt: Date; onSaleAt: Date }): TimeIssue[] {
  const issues: TimeIssue[] = [];
  if (dates.endsAt <= dates.startsAt) issues.push({ path: "endsAt", message: "must be after the start" });
  if (dates.onSaleAt > dates.startsAt) issues.push({ path: "onSaleAt", message: "must not be after the start" });
  return issues;
}

/** A sale window must open before it closes. */
export function saleWindowIssues(window: { salesStartAt: Date | null; salesEndAt: Date | null }): TimeIssue[] {
  return window.salesStartAt && window.salesEndAt && window.salesEndAt <= window.salesStartAt
    ? [{ path: "salesEndAt", message: "must be after the sale start" }]
    : [];
}

/** A 400 that the API shows as `details.issues` and a form as errors beside each field. */
export function invalidFields(message: string, issues: TimeIssue[], prefix = ""): AppError {
  const prefixed = issues.map((i) => ({ path: prefix + i.path, message: i.message }));
  const fields: Record<string, string[]> = {};
  for (const issue of issues) (fields[issue.path] ??= []).push(issue.message);
  return new AppError("VALIDATION_FAILED", message, { issues: prefixed, fields });
}
