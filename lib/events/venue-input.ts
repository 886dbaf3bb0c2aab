import { z } from "zod";

// What an organizer types about a venue, checked the same way for the dashboard's
// forms and the JSON API. Pure (no server-only): the forms import it for the time
// zone list and the types.

let zoneSet: Set<string> | undefined;

/** The time zones a venue may be in: every IANA zone this runtime knows, and UTC (which the list leaves out). */
export function venueTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone")];
}

export function isVenueTimeZone(value: string): boolean {
  zoneSet ??= new Set(venueTimeZones());
  return zoneSet.has(value);
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

// Codes Intl names that are not countries (UK is a common slip for GB: better to say so than to store it).
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ", "UK"]);

/** An ISO 3166 country code Intl knows a name for ("US", "GB"); "XX" and "EU" are not countries. */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && !NOT_COUNTRIES.has(value) && regionNames.of(value) !== undefined;
}

const required = (max: number) =>
  z.string({ error: "is required" }).trim().min(1, "is required").max(max, `must be at most ${max} characters`);

/** Optional text: empty, null or missing all mean "none" and are stored as null. */
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value || null);

const coordinate = (limit: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? "is required" : "must be a number") })
    .min(-limit, `must be between -${limit} and ${limit}`)
    .max(limit, `must be between -${limit} and ${limit}`);

const fields = {
  name: required(120),
  address: required(200),
  city: required(100),
  region: optional(100),
  postalCode: optional(20),
  country: z
    .string({ error: "is required" })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, "must be a two-letter country code, like US, GB or DE"),
  timeZone: z.string({ error: "is required" }).refine(isVenueTimeZone, "must be a time zone from the list"),
  latitude: coordinate(90),
  longitude: coordinate(180),
};

/** A new venue (POST /api/v1/venues and the "New venue" form, which adds its organization). */
export const venueInput = z.strictObject(fields);
export type VenueInput = z.output<typeof venueInput>;

/** Changes to a venue: any of its fields, at least one. */
export const venueChanges = z
  .strictObject(fields)
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, "send at least one field to change");
export type VenueChanges = z.output<typeof venueChanges>;

/** Form fields arrive as strings: "" is missing, anything else must read as a number. */
const formNumber = (schema: z.ZodNumber) =>
  z.preprocess(
    (value) => {
      if (typeof value !== "string") return value;
      const text = value.trim().replace(",", ".");
      return text === "" ? undefined : Number(text);
    },
    schema.refine(Number.isFinite, "must be a number"),
  );

/** The venue form's fields: the same rules, coordinates read from text. */
export const venueFormFields = venueInput.extend({
  latitude: formNumber(coordinate(90)),
  longitude: formNumber(coordinate(180)),
});
