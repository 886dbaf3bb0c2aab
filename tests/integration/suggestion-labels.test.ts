import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { postgresSearch } from "@/lib/search/postgres";
import { uniqueSlug } from "../support/factories";

const DAY = 86_400_000;

async function show(organizationId: string, title: string, city: string, timeZone: string, startsAt: Date) {
  const venue = await db.venue.create({
    data: {
      organizationId,
      slug: uniqueSlug("venue"),
      name: `${city} Hall`,
      address: "1 Main St",
      city,
      country: "US",
      timeZone,
      latitude: 40,
      longitude: -80,
    },
  });
  return db.event.create({
    data: {
      organizationId,
      venueId: venue.id,
      slug: uniqueSlug("tour"),
      title,
      description: "A night.",
      performers: [],
      category: "CONCERT",
      tags: [],
      status: "PUBLISHED",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      onSaleAt: new Date(Date.now() - DAY),
    },
  });
}

describe("header suggestions for events of one title (PostgreSQL search)", () => {
  it("lists each event once, told apart by city", async () => {
    const word = `tourword${randomUUID()
      .slice(0, 6)
      .replace(/[^a-z]/g, "q")}`;
    const title = `Luna ${word} Live`;
    const organization = await db.organization.create({ data: { slug: uniqueSlug("org"), name: "Tour Org" } });
    const soon = Date.now() + 10 * DAY;
    const chicago = await show(organization.id, title, "Chicago", "America/Chicago", new Date(soon));
    const boston = await show(organization.id, title, "Boston", "America/New_York", new Date(soon + DAY));

    const suggestions = await postgresSearch(db).suggest(word, { limit: 8, now: new Date() });

    expect(suggestions.filter((s) => s.kind === "event")).toEqual([
      { kind: "event", label: title, href: `/events/${chicago.slug}`, detail: "Chicago" },
      { kind: "event", label: title, href: `/events/${boston.slug}`, detail: "Boston" },
    ]);
  });
});
