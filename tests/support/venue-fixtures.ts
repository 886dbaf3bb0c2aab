import { issueApiToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { LAYOUT_FORMAT, type LayoutInput } from "@/lib/events/layout/format";
import { saveLayoutVersion } from "@/lib/events/venue-layouts";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { arenaLayout } from "@/prisma/demo/arena-layout";
import { createUserWithToken, uniqueSlug } from "./factories";

/** An organization with an OWNER (an ORGANIZER user with a token). */
export async function createOrganizerOrganization() {
  const organization = await db.organization.create({ data: { slug: uniqueSlug("org"), name: "Test Org" } });
  const owner = await addMember(organization.id, "OWNER");
  return { organization, owner };
}

/** A new organization and a member of it holding `role`, with an API token. */
export async function createOrganizationWithMember(role: MembershipRole = "OWNER") {
  const organization = await db.organization.create({ data: { slug: uniqueSlug("org"), name: "Venue Test Org" } });
  const member = await addMember(organization.id, role);
  return { organization, ...member };
}

/** Another user of the organization with `role`, and their token. */
export async function addMember(organizationId: string, role: MembershipRole) {
  const member = await createUserWithToken(role === "CHECK_IN" ? "FAN" : "ORGANIZER");
  await db.membership.create({ data: { userId: member.user.id, organizationId, role } });
  return member;
}

/** A token made for one organization only. */
export async function scopedToken(userId: string, organizationId: string) {
  return (await issueApiToken(db, { userId, name: "scoped", organizationId })).token;
}

export async function createVenue(organizationId: string, timeZone = "America/New_York") {
  return db.venue.create({
    data: {
      organizationId,
      slug: uniqueSlug("venue"),
      name: "Authoring Arena",
      address: "1 Stage Rd",
      city: "Testville",
      country: "US",
      timeZone,
      latitude: 40.7,
      longitude: -74,
    },
  });
}

/** Saves `document` (the demo arena by default) as the venue's next layout version, as the builder does. */
export async function addLayoutVersion(venueId: string, document: LayoutInput = arenaLayout()) {
  const saved = await saveLayoutVersion(db, { venueId, document, createdById: null });
  return db.venueLayout.findUniqueOrThrow({ where: { id: saved.id } });
}

export const venueBody = (overrides: Record<string, unknown> = {}) => ({
  name: "The Roundhouse",
  address: "Chalk Farm Road",
  city: "London",
  region: "Greater London",
  postalCode: "NW1 8EH",
  country: "gb",
  timeZone: "Europe/London",
  latitude: 51.5432,
  longitude: -0.1519,
  ...overrides,
});

/** A small hall: a 3 × 4 block, a 2-row arc behind it and a standing area. */
export function smallLayout(overrides: Partial<LayoutInput> = {}): LayoutInput {
  return {
    format: LAYOUT_FORMAT,
    name: "Small hall",
    zones: [
      { key: "stalls", name: "Stalls" },
      { key: "circle", name: "Circle" },
    ],
    sections: [
      {
        id: "b1",
        label: "A",
        zone: "stalls",
        kind: "block",
        origin: { x: 0, y: 0 },
        rows: { count: 3 },
        seats: { perRow: 4 },
      },
      {
        id: "a1",
        label: "B",
        zone: "circle",
        kind: "arc",
        center: { x: 15, y: -40 },
        radius: 120,
        startAngle: 60,
        endAngle: 120,
        rows: { count: 2 },
        seats: { perRow: 6 },
      },
      {
        id: "g1",
        label: "Pit",
        zone: "stalls",
        kind: "standing",
        rect: { x: 200, y: 0, width: 60, height: 40 },
        capacity: 150,
      },
    ],
    ...overrides,
  };
}
