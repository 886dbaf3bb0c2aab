import { z } from "zod";
import type { SearchQuery } from "./engine";
import type { LocalDates } from "./local-dates";

const flag = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");
const money = z.coerce
  .number()
  .min(0)
  .max(1_000_000)
  .transform((major) => Math.round(major * 100));
// A day ("2027-01-09") is the venue's calendar day; a date-time with an offset is one instant everywhere.
const day = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const isDay = (value: string | undefined): value is string =>
  value !== undefined && z.iso.date().safeParse(value).success;
/** Two instants compare as instants; a day (a whole day, in any zone) compares by its date. */
const endsBeforeItStarts = (from: string, to: string) =>
  isDay(from) || isDay(to) ? from.slice(0, 10) > to.slice(0, 10) : new Date(from) > new Date(to);

/**
 * The search query string of GET /api/v1/events and of /search. Free text is
 * never refused for what it contains (it is cut to 200 characters); a
 * malformed filter is a 400.
 */
export const searchParamsInput = z
  .strictObject({
    q: z
      .string()
      .max(20_000)
      .transform((q) => q.slice(0, 200).trim())
      .optional(),
    city: z.string().trim().min(1).max(100).optional(),
    category: z
      .string()
      .transform((c) => c.toUpperCase())
      .pipe(z.enum(["CONCERT", "SPORTS", "THEATRE", "COMEDY", "FAMILY"]))
      .optional(),
    when: z.enum(["today", "weekend", "month"]).optional(),
    from: day.optional(),
    to: day.optional(),
    minPrice: money.optional(),
    maxPrice: money.optional(),
    near: z
      .string()
      .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, "must be latitude,longitude")
      .transform((value) => value.split(",").map(Number) as [number, number])
      .refine(([lat, lng]) => Math.abs(lat) <= 90 && Math.abs(lng) <= 180, "must be a point on Earth")
      .optional(),
    radiusKm: z.coerce.number().min(1).max(500).optional(),
    available: flag.optional(),
    /** "Search instead for" the words as typed, without typo correction. */
    exact: flag.optional(),
    sort: z.enum(["relevance", "date", "price"]).default("relevance"),
    page: z.coerce.number().int().min(1).max(1_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((p) => !(p.from && p.to && endsBeforeItStarts(p.from, p.to)), {
    path: ["to"],
    message: "must not be before from",
  })
  .refine((p) => !(p.minPrice !== undefined && p.maxPrice !== undefined && p.minPrice > p.maxPrice), {
    path: ["maxPrice"],
    message: "must not be below minPrice",
  })
  .refine((p) => !(p.when && (p.from || p.to)), { path: ["when"], message: "use either when or from/to" });

export type SearchParams = z.infer<typeof searchParamsInput>;

/** The calendar part of the filter (`when`, or from/to given as days), read in each venue's time zone. */
function localDatesOf(params: SearchParams): LocalDates | undefined {
  if (params.when) return { when: params.when };
  const fromDay = isDay(params.from) ? params.from : undefined;
  const toDay = isDay(params.to) ? params.to : undefined;
  if (!fromDay && !toDay) return undefined;
  return { ...(fromDay ? { fromDay } : {}), ...(toDay ? { toDay } : {}) };
}

export function toSearchQuery(params: SearchParams, now: Date): SearchQuery {
  const dates = localDatesOf(params);
  const range = {
    from: params.from && !isDay(params.from) ? new Date(params.from) : undefined,
    to: params.to && !isDay(params.to) ? new Date(params.to) : undefined,
  };
  return {
    ...(params.q ? { q: params.q } : {}),
    ...(params.city ? { city: params.city } : {}),
    ...(params.category ? { category: params.category } : {}),
    ...(dates ? { dates } : {}),
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(params.minPrice !== undefined ? { minPriceMinor: params.minPrice } : {}),
    ...(params.maxPrice !== undefined ? { maxPriceMinor: params.maxPrice } : {}),
    ...(params.near ? { near: { lat: params.near[0], lng: params.near[1], radiusKm: params.radiusKm ?? 25 } } : {}),
    ...(params.available ? { availableOnly: true } : {}),
    ...(params.exact ? { exact: true } : {}),
    sort: params.sort,
    page: params.page,
    pageSize: params.pageSize,
    now,
  };
}

export const suggestParamsInput = z.strictObject({
  q: z
    .string()
    .max(20_000)
    .transform((q) => q.slice(0, 100)),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
