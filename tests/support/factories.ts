import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/passwords";
import { issueApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "correct-horse-battery";
let cachedHash: Promise<string> | undefined;

export const uniqueEmail = (label = "user") => `${label}-${randomUUID()}@example.test`;
export const uniqueSlug = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/** A user of the given role with a live API token. */
export async function createUserWithToken(role: UserRole = "FAN") {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const user = await createUser(db, {
    email: uniqueEmail(role.toLowerCase()),
    name: `Test ${role}`,
    passwordHash: await cachedHash,
    role,
  });
  // A confirmed address, as most fans have by an on-sale; tests of unconfirmed ones clear it.
  await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  const { token } = await issueApiToken(db, { userId: user.id, name: "test" });
  return { user, token };
}

/** An organization owned by `ownerId`, with one venue and `events` published events. */
export async function createOrganizationWithEvents(ownerId: string, events = 2) {
  const organization = await db.organization.create({
    data: { slug: uniqueSlug("org"), name: "Test Org", memberships: { create: { userId: ownerId, role: "OWNER" } } },
  });
  const venue = await db.venue.create({
    data: {
      organizationId: organization.id,
      slug: uniqueSlug("venue"),
      name: "Test Hall",
      address: "1 Test St",
      city: "Testville",
      country: "US",
      timeZone: "America/New_York",
      latitude: 40,
      longitude: -74,
    },
  });
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
  const created = [];
  for (let i = 0; i < events; i++) {
    created.push(
      await db.event.create({
        data: {
          organizationId: organization.id,
          venueId: venue.id,
          slug: uniqueSlug("event"),
          title: `Test Event ${i}`,
          description: "A test event",
          performers: ["Test Band"],
          category: "CONCERT",
          tags: [],
          status: "PUBLISHED",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
          onSaleAt: new Date(),
        },
      }),
    );
  }
  return { organization, venue, events: created };
}
