import { db } from "@/lib/db";
import { createUserWithToken } from "./factories";
import { addLayoutVersion, addMember, createOrganizerOrganization, createVenue, smallLayout } from "./venue-fixtures";

// One organization and a caller of every kind, for the tests that check who may open or call what
// (route-access.test.ts, organizer-page-access.test.ts).

export const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();

/**
 * A fresh organization with a venue (with a saved seat map) and one caller of each kind: its OWNER,
 * a MANAGER, CHECK_IN staff, the owner of another organization, and a fan. Each has an API token.
 */
export async function organizationWithCallers() {
  const { organization, owner } = await createOrganizerOrganization();
  const venue = await createVenue(organization.id);
  await addLayoutVersion(venue.id, smallLayout());
  const other = await createOrganizerOrganization();
  return {
    organization,
    venue,
    otherOrganization: other.organization,
    callers: {
      owner,
      manager: await addMember(organization.id, "MANAGER"),
      checkIn: await addMember(organization.id, "CHECK_IN"),
      otherOrganizer: other.owner,
      fan: await createUserWithToken("FAN"),
    },
  };
}

export type OrganizationWithCallers = Awaited<ReturnType<typeof organizationWithCallers>>;
export type CallerName = keyof OrganizationWithCallers["callers"];

/** A general-admission event (one ticket type of 10 seats) of the organization, at its venue, in ten days. */
export async function draftEvent(
  org: { organization: { id: string }; venue: { id: string } },
  status: "DRAFT" | "PUBLISHED" = "DRAFT",
) {
  const event = await db.event.create({
    data: {
      organizationId: org.organization.id,
      venueId: org.venue.id,
      slug: `access-${crypto.randomUUID().slice(0, 8)}`,
      title: "Access check",
      status,
      description: "",
      performers: [],
      category: "COMEDY",
      tags: [],
      startsAt: inDays(10),
      endsAt: inDays(10.1),
      onSaleAt: inDays(-1),
      ticketTypes: {
        create: { name: "Seat", kind: "GENERAL_ADMISSION", priceMinor: 1_000, currency: "USD", capacity: 10 },
      },
    },
    select: { id: true, ticketTypes: { select: { id: true } } },
  });
  return { eventId: event.id, ticketTypeId: event.ticketTypes[0]!.id };
}

/**
 * A paid order of one general-admission ticket (10.00) for a published event of the organization,
 * written straight to the tables as a settled checkout leaves them: the order, its item and ticket,
 * and the captured payment refunds are made against.
 */
export async function paidOrder(org: { organization: { id: string }; venue: { id: string } }) {
  const { eventId, ticketTypeId } = await draftEvent(org, "PUBLISHED");
  const { user } = await createUserWithToken("FAN");
  await db.ticketType.update({ where: { id: ticketTypeId }, data: { sold: 1 } });
  const order = await db.order.create({
    data: {
      userId: user.id,
      eventId,
      status: "PAID",
      email: user.email,
      currency: "USD",
      subtotalMinor: 1_000,
      feesMinor: 0,
      totalMinor: 1_000,
      paidAt: new Date(),
      items: { create: { ticketTypeId, quantity: 1, unitPriceMinor: 1_000, unitFeeMinor: 0 } },
      payments: {
        create: {
          provider: "simulator",
          providerSessionId: `cs_access_${crypto.randomUUID()}`,
          providerPaymentId: `pi_access_${crypto.randomUUID()}`,
          checkoutUrl: "http://localhost/checkout",
          expiresAt: new Date(Date.now() + 3600_000),
          status: "SUCCEEDED",
          amountMinor: 1_000,
          currency: "USD",
        },
      },
    },
    select: { id: true, items: { select: { id: true } } },
  });
  await db.ticket.create({
    data: {
      // 48 random bits: fixtures make thousands of these across parallel files.
      code: `MQ-${crypto.randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase().match(/.{4}/g)!.join("-")}`,
      orderId: order.id,
      orderItemId: order.items[0]!.id,
      eventId,
      ticketTypeId,
    },
  });
  return { orderId: order.id, eventId };
}
