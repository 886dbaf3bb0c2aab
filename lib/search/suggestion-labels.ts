// Suggestions that read alike get told apart: a tour's "Luna Marquez: Live" in five cities shows
// the city of each, a residency's nights in one city their dates, and two shows on one evening
// their times. Pure, shared by both search engines.
import type { Suggestion } from "./engine";

/** An event suggestion with what can tell it apart from another of the same title. */
export type EventSuggestionSource = { label: string; href: string; startsAt: Date; city: string; timeZone: string };

const dateIn = (event: EventSuggestionSource, now: Date, withTime: boolean) => {
  const year = (d: Date) => new Intl.DateTimeFormat("en-US", { year: "numeric", timeZone: event.timeZone }).format(d);
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(year(event.startsAt) === year(now) ? {} : { year: "numeric" }),
    ...(withTime ? { hour: "numeric", minute: "2-digit" } : {}),
    timeZone: event.timeZone,
  }).format(event.startsAt);
};

const allDistinct = (values: string[]) => new Set(values.map((v) => v.toLocaleLowerCase())).size === values.length;

/**
 * Event suggestions, each with a `detail` when another one in the list has the same title: the city
 * if that tells them apart, else the date in the venue's time zone, else the date and time with the city.
 */
export function eventSuggestions(events: readonly EventSuggestionSource[], now: Date): Suggestion[] {
  const byLabel = new Map<string, EventSuggestionSource[]>();
  for (const event of events) {
    const key = event.label.trim().toLocaleLowerCase();
    byLabel.set(key, [...(byLabel.get(key) ?? []), event]);
  }
  const details = new Map<EventSuggestionSource, string>();
  for (const group of byLabel.values()) {
    if (group.length < 2) continue;
    const cities = group.map((e) => e.city);
    const dates = group.map((e) => dateIn(e, now, false));
    const detail = allDistinct(cities)
      ? (e: EventSuggestionSource) => e.city
      : allDistinct(dates)
        ? (e: EventSuggestionSource) => dateIn(e, now, false)
        : (e: EventSuggestionSource) => `${dateIn(e, now, true)} · ${e.city}`;
    for (const event of group) details.set(event, detail(event));
  }
  return events.map((event) => {
    const detail = details.get(event);
    return { kind: "event", label: event.label, href: event.href, ...(detail ? { detail } : {}) };
  });
}
