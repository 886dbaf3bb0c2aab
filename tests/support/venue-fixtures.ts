import { db } from "@/lib/db";
import { expandLayout } from "@/lib/events/layout/expand";
import { layoutInput, type LayoutInput } from "@/lib/events/layout/format";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { arenaLayout } from "@/prisma/demo/arena-layout";
import { createUserWithToken, uniqueSlug } from "./factories";

// Venues and layout versions written straight to the database, as the venues module will
// write them, so event-authoring tests do not depend on the venue API.

/** An organization with an OWNER (an ORGANIZER user with a token). */
export async function createOrganizerOrganization() {
  const owner = await createUserWithToken("ORGANIZER");
  const organization = await db.organization.create({
    data: {
      slug: uniqueSlug("org"),
      name: "Authoring Org",
      memberships: { create: { userId: owner.user.id, role: "OWNER" } },
    },
  });
  return { organization, owner };
}

/** Another user of the organization with `role`, and their token. */
export async function addMember(organizationId: string, role: MembershipRole) {
  const member = await createUserWithToken(role === "CHECK_IN" ? "FAN" : "ORGANIZER");
  await db.membership.create({ data: { userId: member.user.id, organizationId, role } });
  return member;
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

/** Saves `document` (the demo arena by default) as the venue's next layout version. */
export async function addLayoutVersion(venueId: string, document: LayoutInput = arenaLayout()) {
  const layout = layoutInput.parse(document);
  const { seats, standing } = expandLayout(layout);
  const last = await db.venueLayout.findFirst({ where: { venueId }, orderBy: { version: "desc" } });
  return db.venueLayout.create({
    data: {
      venueId,
      version: (last?.version ?? 0) + 1,
      name: layout.name,
      document: layout,
      seatCount: seats.length,
      standingCapacity: standing.reduce((sum, a) => sum + a.capacity, 0),
    },
  });
}
