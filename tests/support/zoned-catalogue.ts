import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { EventCategory } from "@/lib/generated/prisma/enums";

// Events at fixed instants in venues of four time zones, for date filters read in each venue's zone
// (lib/search/local-dates.ts), and a few comedy shows for category and city words. Titles share no word
// with the main search catalogue (tests/support/search-catalogue.ts), so its exact counts are unaffected.

const venues = {
  chicago: { name: "Lakeshore Hall", city: "Chicago", timeZone: "America/Chicago", latitude: 41.88, longitude: -87.63 },
  newYork: { name: "Hudson Room", city: "New York", timeZone: "America/New_York", latitude: 40.75, longitude: -73.99 },
  london: { name: "Thames Stage", city: "London", timeZone: "Europe/London", latitude: 51.5, longitude: -0.12 },
  berlin: { name: "Spree Halle", city: "Berlin", timeZone: "Europe/Berlin", latitude: 52.52, longitude: 13.4 },
};

type Spec = {
  title: string;
  venue: keyof typeof venues;
  startsAt: string;
  category?: EventCategory;
  description?: string;
};

/**
 * The clock of the "today" and "weekend" cases: Tuesday 14 January 2031, 17:00 in Chicago, 18:00 in New
 * York, 23:00 in London, and already Wednesday (00:00) in Berlin.
 */
export const ZONED_NOW = new Date("2031-01-14T23:00:00Z");
/** Tuesday 4 March 2031; the coming weekend is when the US changes to summer time (Sunday 9 March, 2 AM). */
export const US_DST_NOW = new Date("2031-03-04T12:00:00Z");
/** Tuesday 25 March 2031; the coming weekend is when Europe changes to summer time (Sunday 30 March). */
export const EU_DST_NOW = new Date("2031-03-25T12:00:00Z");

export const zonedSpecs = {
  // Today (14 January) in Chicago at 20:00, though UTC is already on the 15th.
  chicagoTonight: { title: "Prairie Quartet Late Set", venue: "chicago", startsAt: "2031-01-15T02:00:00Z" },
  newYorkTonight: { title: "Hudson Strings Nightcap", venue: "newYork", startsAt: "2031-01-15T03:30:00Z" },
  // Wednesday 00:30 in London: tomorrow there.
  londonAfterMidnight: { title: "Thames Midnight Choir", venue: "london", startsAt: "2031-01-15T00:30:00Z" },
  // Wednesday 21:00 in Berlin, where it is already Wednesday: today there.
  berlinTonight: { title: "Spree Organ Evening", venue: "berlin", startsAt: "2031-01-15T20:00:00Z" },
  // Wednesday 10:00 in Chicago: tomorrow there, though the same UTC day as the late set.
  chicagoTomorrow: { title: "Prairie Quartet Matinee", venue: "chicago", startsAt: "2031-01-15T16:00:00Z" },
  // Friday 19:00 and Sunday 23:00 in Chicago: both the weekend there.
  chicagoFridayNight: { title: "Lakeshore Friday Stomp", venue: "chicago", startsAt: "2031-01-18T01:00:00Z" },
  chicagoSundayLate: { title: "Lakeshore Sunday Blues", venue: "chicago", startsAt: "2031-01-20T05:00:00Z" },
  // Friday 17:00 in Berlin (before the weekend) and 18:30 (in it).
  berlinFridayAfternoon: { title: "Spree Friday Recital", venue: "berlin", startsAt: "2031-01-17T16:00:00Z" },
  berlinFridayEvening: { title: "Spree Friday Cabaret", venue: "berlin", startsAt: "2031-01-17T17:30:00Z" },
  // Sunday 9 March 23:30 EDT (in the weekend) and Monday 00:30 EDT (after it): a fixed EST offset gets this wrong.
  newYorkDstSunday: { title: "Hudson Spring Forward Gala", venue: "newYork", startsAt: "2031-03-10T03:30:00Z" },
  newYorkDstMonday: { title: "Hudson Monday Insomniacs", venue: "newYork", startsAt: "2031-03-10T04:30:00Z" },
  // Sunday 30 March 23:30 BST (in the weekend) and Monday 00:15 BST (after it).
  londonDstSunday: { title: "Thames Summertime Serenade", venue: "london", startsAt: "2031-03-30T22:30:00Z" },
  londonDstMonday: { title: "Thames Monday Owls", venue: "london", startsAt: "2031-03-30T23:15:00Z" },
  // Category and city words: comedy in Chicago and New York, and a Chicago play that mentions comedy.
  chicagoComedy: { title: "Windy City Laughs", venue: "chicago", startsAt: "2031-02-01T02:00:00Z", category: "COMEDY" },
  newYorkComedy: { title: "Borough Giggles", venue: "newYork", startsAt: "2031-02-02T01:00:00Z", category: "COMEDY" },
  chicagoPlay: {
    title: "Lakeshore Repertory Hamlet",
    venue: "chicago",
    startsAt: "2031-02-03T01:00:00Z",
    category: "THEATRE",
    description: "A tragedy, with no comedy at all.",
  },
  // A misspelled performer: "luna marqz" is two edits from her name.
  lunaMarquez: {
    title: "Moonlit Ballads Tour",
    venue: "berlin",
    startsAt: "2031-02-05T19:00:00Z",
    performer: "Luna Marquez",
  },
} satisfies Record<string, Spec & { performer?: string }>;

export type ZonedKey = keyof typeof zonedSpecs;
export type ZonedCatalogue = Record<ZonedKey, { id: string; slug: string }>;

export async function createZonedCatalogue(db: Db): Promise<ZonedCatalogue> {
  const org = await db.organization.create({ data: { slug: `zoned-${randomUUID()}`, name: "Zoned Org" } });
  const venueIds = {} as Record<keyof typeof venues, string>;
  for (const [key, venue] of Object.entries(venues) as [keyof typeof venues, (typeof venues)[keyof typeof venues]][]) {
    const created = await db.venue.create({
      data: { ...venue, organizationId: org.id, slug: `${key}-${randomUUID()}`, address: "1 Main St", country: "US" },
    });
    venueIds[key] = created.id;
  }
  const catalogue = {} as ZonedCatalogue;
  for (const [key, spec] of Object.entries(zonedSpecs) as [ZonedKey, Spec & { performer?: string }][]) {
    const startsAt = new Date(spec.startsAt);
    const event = await db.event.create({
      data: {
        organizationId: org.id,
        venueId: venueIds[spec.venue],
        slug: `${key.toLowerCase()}-${randomUUID()}`,
        title: spec.title,
        description: spec.description ?? `${spec.title}.`,
        performers: [spec.performer ?? `${spec.title} Ensemble`],
        category: spec.category ?? "CONCERT",
        tags: [],
        status: "PUBLISHED",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        onSaleAt: new Date("2030-01-01T00:00:00Z"),
        ticketTypes: {
          create: {
            name: "Standard",
            kind: "GENERAL_ADMISSION",
            priceMinor: 3_000,
            feeMinor: 0,
            currency: "USD",
            capacity: 50,
            sortOrder: 0,
          },
        },
      },
    });
    catalogue[key] = { id: event.id, slug: event.slug };
  }
  return catalogue;
}
