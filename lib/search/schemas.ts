import { z } from "zod";
import type { SearchQuery } from "./engine";

const flag = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");
const money = z.coerce
  .number()
  .min(0)
  .max(1_000_000)
  .transform((major) => Math.round(major * 100));
const day = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((value) => new Date(value));

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
    sort: z.enum(["relevance", "date", "price"]).default("relevance"),
    page: z.coerce.number().int().min(1).max(1_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((p) => !(p.from && p.to && p.from > p.to), { path: ["to"], message: "must not be before from" })
  .refine((p) => !(p.minPrice !== undefined && p.maxPrice !== undefined && p.minPrice > p.maxPrice), {
    path: ["maxPrice"],
    message: "must not be below minPrice",
  })
  .refine((p) => !(p.when && (p.from || p.to)), { path: ["when"], message: "use either when or from/to" });

export type SearchParams = z.infer<typeof searchParamsInput>;

/** Start and end of "today", "this weekend" (Fri 18:00 – Mon 00:00) and "this month", in UTC. */
export function rangeFor(when: "today" | "weekend" | "month", now: Date): { from: Date; to: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
  if (when === "today") return { from: now, to: addDays(start, 1) };
  if (when === "month") return { from: now, to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)) };
  const dayOfWeek = start.getUTCDay(); // 0 Sunday … 6 Saturday
  const friday = addDays(start, dayOfWeek === 0 ? -2 : 5 - dayOfWeek);
  const fridayEvening = new Date(friday.getTime() + 18 * 3_600_000);
  return { from: now > fridayEvening ? now : fridayEvening, to: addDays(friday, 3) };
}

export function toSearchQuery(params: SearchParams, now: Date): SearchQuery {
  const range = params.when ? rangeFor(params.when, now) : { from: params.from, to: params.to };
  return {
    ...(params.q ? { q: params.q } : {}),
    ...(params.city ? { city: params.city } : {}),
    ...(params.category ? { category: params.category } : {}),
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(params.minPrice !== undefined ? { minPriceMinor: params.minPrice } : {}),
    ...(params.maxPrice !== undefined ? { maxPriceMinor: params.maxPrice } : {}),
    ...(params.near ? { near: { lat: params.near[0], lng: params.near[1], radiusKm: params.radiusKm ?? 25 } } : {}),
    ...(params.available ? { availableOnly: true } : {}),
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
