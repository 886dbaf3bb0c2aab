import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { EventCategory, EventStatus } from "@/lib/generated/prisma/enums";

const DAY = 86_400_000;

type Spec = {
  key: string;
  title: string;
  performers: string[];
  category: EventCategory;
  venue: "msg" | "crypto" | "chatelet";
  inDays: number;
  priceMinor: number;
  /** A second, dearer ticket type: the event's price is still its lowest. */
  premiumPriceMinor?: number;
  description?: string;
  status?: EventStatus;
  soldOut?: boolean;
};

const venues = {
  msg: {
    name: "Madison Square Garden",
    city: "New York",
    latitude: 40.7505,
    longitude: -73.9934,
    timeZone: "America/New_York",
  },
  crypto: {
    name: "Crypto Arena",
    city: "Los Angeles",
    latitude: 34.043,
    longitude: -118.2673,
    timeZone: "America/Los_Angeles",
  },
  chatelet: {
    name: "Théâtre du Châtelet",
    city: "Paris",
    latitude: 48.8575,
    longitude: 2.3469,
    timeZone: "Europe/Paris",
  },
};

const specs: Spec[] = [
  {
    key: "eras",
    title: "Taylor Swift | The Eras Tour",
    performers: ["Taylor Swift"],
    category: "CONCERT",
    venue: "msg",
    inDays: 10,
    priceMinor: 15_000,
  },
  {
    key: "spheres",
    title: "Coldplay: Music of the Spheres",
    performers: ["Coldplay"],
    category: "CONCERT",
    venue: "crypto",
    inDays: 20,
    priceMinor: 9_000,
  },
  {
    key: "kids",
    title: "Swift Kids Science Show",
    performers: ["The Bubble Lab"],
    category: "FAMILY",
    venue: "crypto",
    inDays: 5,
    priceMinor: 2_000,
  },
  {
    key: "knicks",
    title: "Knicks vs Lakers",
    performers: ["New York Knicks", "Los Angeles Lakers"],
    category: "SPORTS",
    venue: "msg",
    inDays: 3,
    priceMinor: 6_000,
    premiumPriceMinor: 30_000,
    description: "Halftime guest: Taylor Swift.",
  },
  {
    key: "miserables",
    title: "Les Misérables",
    performers: ["Compagnie Hugo"],
    category: "THEATRE",
    venue: "chatelet",
    inDays: 30,
    priceMinor: 4_500,
  },
  {
    key: "past",
    title: "Taylor Swift Reputation Tour",
    performers: ["Taylor Swift"],
    category: "CONCERT",
    venue: "msg",
    inDays: -10,
    priceMinor: 12_000,
  },
  {
    key: "draft",
    title: "Taylor Swift Secret Show",
    performers: ["Taylor Swift"],
    category: "CONCERT",
    venue: "msg",
    inDays: 40,
    priceMinor: 20_000,
    status: "DRAFT",
  },
  {
    key: "cancelled",
    title: "Coldplay Cancelled Night",
    performers: ["Coldplay"],
    category: "CONCERT",
    venue: "crypto",
    inDays: 15,
    priceMinor: 9_000,
    status: "CANCELLED",
  },
  {
    key: "soldout",
    title: "Coldplay Sold Out Night",
    performers: ["Coldplay"],
    category: "CONCERT",
    venue: "crypto",
    inDays: 25,
    priceMinor: 11_000,
    soldOut: true,
  },
];

export type SearchCatalogue = Record<string, { id: string; slug: string }>;

/** A small fixed catalogue with distinctive names, so ranking and typo cases can be asserted exactly. */
export async function createSearchCatalogue(db: Db, now = new Date()): Promise<SearchCatalogue> {
  const user = await db.user.create({
    data: {
      email: `search-${randomUUID()}@example.test`,
      name: "Search Organizer",
      passwordHash: "unused",
      role: "ORGANIZER",
    },
  });
  const org = await db.organization.create({
    data: {
      slug: `search-${randomUUID()}`,
      name: "Search Org",
      memberships: { create: { userId: user.id, role: "OWNER" } },
    },
  });
  const venueIds: Record<string, string> = {};
  for (const [key, venue] of Object.entries(venues)) {
    const created = await db.venue.create({
      data: {
        ...venue,
        organizationId: org.id,
        slug: `${key}-${randomUUID()}`,
        address: "1 Main St",
        country: key === "chatelet" ? "FR" : "US",
      },
    });
    venueIds[key] = created.id;
  }
  const catalogue: SearchCatalogue = {};
  for (const spec of specs) {
    const startsAt = new Date(now.getTime() + spec.inDays * DAY);
    const event = await db.event.create({
      data: {
        organizationId: org.id,
        venueId: venueIds[spec.venue]!,
        slug: `${spec.key}-${randomUUID()}`,
        title: spec.title,
        description: spec.description ?? `${spec.title} live.`,
        performers: spec.performers,
        category: spec.category,
        tags: [],
        status: spec.status ?? "PUBLISHED",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        onSaleAt: new Date(now.getTime() - 30 * DAY),
        ticketTypes: {
          create: [
            { name: "Standard", priceMinor: spec.priceMinor },
            ...(spec.premiumPriceMinor ? [{ name: "Courtside", priceMinor: spec.premiumPriceMinor }] : []),
          ].map((type, sortOrder) => ({
            ...type,
            kind: "GENERAL_ADMISSION" as const,
            feeMinor: 0,
            currency: "USD",
            capacity: 100,
            sold: spec.soldOut ? 100 : 0,
            sortOrder,
          })),
        },
      },
    });
    catalogue[spec.key] = { id: event.id, slug: event.slug };
  }
  return catalogue;
}
