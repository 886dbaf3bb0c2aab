import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SEARCH_SYNC_TOPIC } from "@/lib/events/search-sync";
import { venueFormFields, venueInput } from "@/lib/events/venue-input";
import { layoutVersion, saveLayoutVersion } from "@/lib/events/venue-layouts";
import { createVenue, listVenues, slugify, updateVenue, venueDetails } from "@/lib/events/venues";
import { createOrganizationWithEvents, createUserWithToken } from "../support/factories";
import { createOrganizationWithMember, smallLayout, venueBody } from "../support/venue-fixtures";

const input = (overrides: Record<string, unknown> = {}) => venueInput.parse(venueBody(overrides));

describe("venues", () => {
  it("makes slugs from names, accents dropped, and keeps them unique when organizers race", async () => {
    expect(slugify("  Théâtre du Châtelet — Grande Salle ")).toBe("theatre-du-chatelet-grande-salle");
    const { organization } = await createOrganizationWithMember();
    const name = `Salle Pleyel ${organization.slug}`;
    const venues = await Promise.all(
      Array.from({ length: 5 }, () =>
        createVenue(db, { organizationId: organization.id, input: input({ name }), actorId: null }),
      ),
    );
    const slugs = venues.map((v) => v.slug);
    expect(new Set(slugs).size).toBe(5);
    expect(slugs).toContain(slugify(name));
    expect((await listVenues(db, { organizationId: organization.id })).map((v) => v.slug).sort()).toEqual(slugs.sort());
  });

  it("reads the form's text fields with the API's rules", () => {
    const parsed = venueFormFields.safeParse({
      ...venueBody({ latitude: "51,5432", longitude: "", region: "", country: " de " }),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["longitude", "is required"]]);
    expect(venueFormFields.parse(venueBody({ latitude: "51,5", longitude: "-0.1", region: "" }))).toMatchObject({
      latitude: 51.5,
      longitude: -0.1,
      region: null,
      country: "GB",
    });
  });

  it("queues the venue's published events for the search index when it changes, in one transaction", async () => {
    const { user } = await createUserWithToken("ORGANIZER");
    const { organization, venue, events } = await createOrganizationWithEvents(user.id, 2);
    await db.event.update({ where: { id: events[1]!.id }, data: { status: "DRAFT" } });
    const before = new Date();
    const updated = await updateVenue(db, {
      organizationId: organization.id,
      venueId: venue.id,
      changes: { name: "Test Hall Renamed", latitude: 41 },
      actorId: null,
    });
    expect(updated).toMatchObject({ name: "Test Hall Renamed", latitude: 41, slug: venue.slug });
    const queued = await db.outboxMessage.findMany({
      where: {
        topic: SEARCH_SYNC_TOPIC,
        createdAt: { gte: before },
        payload: { path: ["eventId"], equals: events[0]!.id },
      },
    });
    expect(queued).toHaveLength(1);
    const draftQueued = await db.outboxMessage.count({
      where: {
        topic: SEARCH_SYNC_TOPIC,
        createdAt: { gte: before },
        payload: { path: ["eventId"], equals: events[1]!.id },
      },
    });
    expect(draftQueued).toBe(0);

    const other = await createOrganizationWithMember();
    await expect(
      updateVenue(db, {
        organizationId: other.organization.id,
        venueId: venue.id,
        changes: { name: "Mine now" },
        actorId: null,
      }),
    ).rejects.toThrowError(new AppError("NOT_FOUND", "No such venue."));
    await expect(venueDetails(db, { organizationId: other.organization.id, venueId: venue.id })).rejects.toThrow(
      AppError,
    );
  });
});

describe("layout versions", () => {
  it("store the parsed document, count disabled seats but not removed ones, and number versions per venue", async () => {
    const { organization, user } = await createOrganizationWithMember();
    const [a, b] = await Promise.all(
      ["A", "B"].map((n) =>
        createVenue(db, { organizationId: organization.id, input: input({ name: `Hall ${n}` }), actorId: null }),
      ),
    );
    const layout = smallLayout({
      seatOverrides: {
        "A/A/1": { removed: true },
        "A/A/2": { disabled: true },
        "A/B/1": { accessibility: "wheelchair" },
      },
    });
    const saved = await saveLayoutVersion(db, { venueId: a!.id, document: layout, createdById: user.id });
    expect(saved).toMatchObject({ version: 1, seatCount: 23, standingCapacity: 150 });
    expect((await saveLayoutVersion(db, { venueId: b!.id, document: layout, createdById: null })).version).toBe(1);
    expect((await saveLayoutVersion(db, { venueId: a!.id, document: layout, createdById: null })).version).toBe(2);

    const stored = await layoutVersion(db, { venueId: a!.id, version: 1 });
    expect(stored?.document).toMatchObject({
      sections: [
        { seats: { perRow: 4, addPerRow: 0, start: 1, spacing: 10, direction: "left-to-right", aislesAfter: [] } },
        { rows: { count: 2, labels: "letters", spacing: 14 } },
        { capacity: 150 },
      ],
    });
    expect((await venueDetails(db, { organizationId: organization.id, venueId: a!.id })).layouts).toEqual([
      expect.objectContaining({ version: 2, createdByName: null }),
      expect.objectContaining({ version: 1, createdByName: user.name }),
    ]);
    expect(
      (await listVenues(db, { organizationId: organization.id })).find((v) => v.id === a!.id)?.latestLayout,
    ).toMatchObject({ version: 2, seatCount: 23 });
  });

  it("refuses an invalid layout with every issue and its path", async () => {
    const { organization } = await createOrganizationWithMember();
    const venue = await createVenue(db, { organizationId: organization.id, input: input(), actorId: null });
    const layout = smallLayout({ zones: [{ key: "stalls", name: "Stalls" }] });
    const error = await saveLayoutVersion(db, { venueId: venue.id, document: layout, createdById: null }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual({
      issues: [{ path: "sections.1.zone", message: 'Section B uses zone "circle", which is not declared.' }],
    });
    expect(await layoutVersion(db, { venueId: venue.id })).toBeNull();
  });
});
