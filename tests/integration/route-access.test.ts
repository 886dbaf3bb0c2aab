import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  draftEvent,
  inDays,
  organizationWithCallers,
  paidOrder,
  type OrganizationWithCallers,
} from "../support/access-fixtures";
import { checkInTicket } from "@/lib/check-in/check-in";
import { db } from "@/lib/db";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { bearer, call, type CallOptions } from "../support/http";
import { buy } from "../support/purchase";
import { scopedToken, smallLayout, venueBody } from "../support/venue-fixtures";

// Who may call each route, driven by the routes themselves: a route file (or method) that is not
// in the table below fails the first test, so a new route cannot ship without an access rule.
// Organizer pages and their server actions: organizer-page-access.test.ts.

const root = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** "POST /api/v1/events/[eventId]/publish" for every exported method of every route.ts under app/. */
function routesOnDisk(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return walk(full);
      return name === "route.ts" ? [full] : [];
    });
  return walk(path.join(root, "app")).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const url = "/" + path.relative(path.join(root, "app"), path.dirname(file)).replace(/\([^)]+\)\//g, "");
    return METHODS.filter((m) =>
      new RegExp(`export (const (\\{[^}]*\\b${m}\\b[^}]*\\}|${m}\\b)|(async )?function ${m}\\b)`).test(source),
    ).map((m) => `${m} ${url}`);
  });
}

type Org = OrganizationWithCallers;
type Handler = Parameters<typeof call>[0];
/** How to call an organization-scoped route against fresh data of `org` (fresh, so one role's call cannot change another's). */
type OrgRoute = { handler: () => Promise<Handler>; request: (org: Org) => Promise<CallOptions> };

const load = (file: string, method: string) => async () =>
  (await import(/* @vite-ignore */ path.join(root, "app", file)))[method] as Handler;

const organizationRoutes: Record<string, OrgRoute> = {
  "POST /api/v1/venues": {
    handler: load("api/v1/venues/route.ts", "POST"),
    request: async (org) => ({ body: { organizationId: org.organization.id, ...venueBody() } }),
  },
  "GET /api/v1/venues": {
    handler: load("api/v1/venues/route.ts", "GET"),
    request: async (org) => ({ path: `/?organizationId=${org.organization.id}` }),
  },
  "GET /api/v1/venues/[venueId]": {
    handler: load("api/v1/venues/[venueId]/route.ts", "GET"),
    request: async (org) => ({ params: { venueId: org.venue.id } }),
  },
  "PATCH /api/v1/venues/[venueId]": {
    handler: load("api/v1/venues/[venueId]/route.ts", "PATCH"),
    request: async (org) => ({ params: { venueId: org.venue.id }, body: { name: "Renamed Hall" } }),
  },
  "PUT /api/v1/venues/[venueId]/layout": {
    handler: load("api/v1/venues/[venueId]/layout/route.ts", "PUT"),
    request: async (org) => ({ params: { venueId: org.venue.id }, body: smallLayout() }),
  },
  "GET /api/v1/venues/[venueId]/layout": {
    handler: load("api/v1/venues/[venueId]/layout/route.ts", "GET"),
    request: async (org) => ({ params: { venueId: org.venue.id } }),
  },
  "POST /api/v1/events": {
    handler: load("api/v1/events/route.ts", "POST"),
    request: async (org) => ({
      body: {
        venueId: org.venue.id,
        title: "Made by API",
        category: "COMEDY",
        startsAt: inDays(9),
        endsAt: inDays(9.1),
        ticketTypes: [{ name: "Seat", priceMinor: 1_000, capacity: 10 }],
      },
    }),
  },
  "PATCH /api/v1/events/[eventId]": {
    handler: load("api/v1/events/[eventId]/route.ts", "PATCH"),
    request: async (org) => ({ params: { eventId: (await draftEvent(org)).eventId }, body: { title: "Changed" } }),
  },
  "POST /api/v1/events/[eventId]/publish": {
    handler: load("api/v1/events/[eventId]/publish/route.ts", "POST"),
    request: async (org) => ({ params: { eventId: (await draftEvent(org)).eventId } }),
  },
  "POST /api/v1/events/[eventId]/unpublish": {
    handler: load("api/v1/events/[eventId]/unpublish/route.ts", "POST"),
    request: async (org) => ({ params: { eventId: (await draftEvent(org, "PUBLISHED")).eventId } }),
  },
  "POST /api/v1/events/[eventId]/duplicate": {
    handler: load("api/v1/events/[eventId]/duplicate/route.ts", "POST"),
    request: async (org) => ({ params: { eventId: (await draftEvent(org)).eventId } }),
  },
  "POST /api/v1/events/[eventId]/cancel": {
    handler: load("api/v1/events/[eventId]/cancel/route.ts", "POST"),
    request: async (org) => ({
      params: { eventId: (await draftEvent(org)).eventId },
      body: { reason: "Access check" },
    }),
  },
  "POST /api/v1/events/[eventId]/ticket-types": {
    handler: load("api/v1/events/[eventId]/ticket-types/route.ts", "POST"),
    request: async (org) => ({
      params: { eventId: (await draftEvent(org)).eventId },
      body: { name: "More", priceMinor: 500, capacity: 5 },
    }),
  },
  "PATCH /api/v1/events/[eventId]/ticket-types/[ticketTypeId]": {
    handler: load("api/v1/events/[eventId]/ticket-types/[ticketTypeId]/route.ts", "PATCH"),
    request: async (org) => ({ params: await draftEvent(org), body: { priceMinor: 1_200 } }),
  },
  "GET /api/v1/events/[eventId]/orders.csv": {
    handler: load("api/v1/events/[eventId]/orders.csv/route.ts", "GET"),
    request: async (org) => ({ params: { eventId: (await draftEvent(org, "PUBLISHED")).eventId } }),
  },
  "GET /api/v1/events/[eventId]/attendees.csv": {
    handler: load("api/v1/events/[eventId]/attendees.csv/route.ts", "GET"),
    request: async (org) => ({ params: { eventId: (await draftEvent(org, "PUBLISHED")).eventId } }),
  },
  "GET /api/v1/events/[eventId]/orders": {
    handler: load("api/v1/events/[eventId]/orders/route.ts", "GET"),
    request: async (org) => ({ params: { eventId: (await paidOrder(org)).eventId } }),
  },
  "POST /api/v1/orders/[orderId]/refunds": {
    handler: load("api/v1/orders/[orderId]/refunds/route.ts", "POST"),
    request: async (org) => ({
      params: { orderId: (await paidOrder(org)).orderId },
      headers: { "idempotency-key": crypto.randomUUID() },
      body: { amountMinor: 100, reason: "Access check" },
    }),
  },
  "DELETE /api/v1/events/[eventId]/ticket-types/[ticketTypeId]": {
    handler: load("api/v1/events/[eventId]/ticket-types/[ticketTypeId]/route.ts", "DELETE"),
    request: async (org) => ({ params: await draftEvent(org) }),
  },
};

/** A ticket of a published event of the organization, bought by a fan; checked in when asked. */
async function soldTicket(org: Org, options: { checkedIn?: boolean } = {}) {
  const { eventId, ticketTypeId } = await draftEvent(org, "PUBLISHED");
  const { orderId } = await buy(org.callers.fan.token, eventId, { ticketTypeId, quantity: 1 });
  const { code } = await db.ticket.findFirstOrThrow({ where: { orderId }, select: { code: true } });
  if (options.checkedIn) {
    const actor = {
      userId: org.callers.owner.user.id,
      email: "",
      name: "",
      role: "ORGANIZER" as const,
      via: "token" as const,
    };
    await checkInTicket(services(), { actor, eventId, code, deviceId: "setup" });
  }
  return { eventId, code };
}

/** The door's routes: every member of the organization may call them, check-in staff included. */
const doorRoutes: Record<string, OrgRoute> = {
  "POST /api/v1/tickets/[code]/check-in": {
    handler: load("api/v1/tickets/[code]/check-in/route.ts", "POST"),
    request: async (org) => {
      const { eventId, code } = await soldTicket(org);
      return { params: { code }, body: { eventId, deviceId: "access-check" } };
    },
  },
  "DELETE /api/v1/tickets/[code]/check-in": {
    handler: load("api/v1/tickets/[code]/check-in/route.ts", "DELETE"),
    request: async (org) => ({ params: { code: (await soldTicket(org, { checkedIn: true })).code } }),
  },
  "GET /api/v1/events/[eventId]/check-in/stats": {
    handler: load("api/v1/events/[eventId]/check-in/stats/route.ts", "GET"),
    request: async (org) => ({ params: { eventId: (await draftEvent(org, "PUBLISHED")).eventId } }),
  },
};

/** Routes outside any organization, and why; each has tests of its own for what it returns to whom. */
const otherRoutes: Record<string, string> = {
  "GET /api/health": "public",
  "GET /api/auth/[...nextauth]": "Auth.js",
  "POST /api/auth/[...nextauth]": "Auth.js",
  "POST /api/webhooks/stripe": "Stripe-signed",
  "GET /api/v1/events": "public search",
  "GET /api/v1/events/[eventId]": "public event",
  "GET /api/v1/events/[eventId]/seats": "public seat map",
  "GET /api/v1/events/[eventId]/seat-map": "public seat-map geometry",
  "GET /api/v1/events/[eventId]/availability": "public ticket panel",
  "POST /api/v1/events/[eventId]/holds": "signed-in fan",
  "POST /api/v1/events/[eventId]/queue": "signed-in fan with a confirmed address (queue-api.test.ts)",
  "GET /api/v1/events/[eventId]/queue": "signed-in fan, their own place (queue-api.test.ts)",
  "GET /api/v1/events/[eventId]/queue/stream": "signed-in fan, their own place (queue-api.test.ts)",
  "GET /api/v1/events/[eventId]/queue/control": "the event's organization (queue-control.test.ts)",
  "PATCH /api/v1/events/[eventId]/queue/control": "the event's organization (queue-control.test.ts)",
  "GET /api/v1/holds/[holdId]": "the hold's owner",
  "DELETE /api/v1/holds/[holdId]": "the hold's owner",
  "POST /api/v1/holds/[holdId]/checkout": "the hold's owner",
  "GET /api/v1/orders/[orderId]": "buyer, owners and managers (order-access.test.ts)",
  "GET /orders/[orderId]/calendar.ics": "as the order",
  "GET /api/v1/me": "signed-in",
  "GET /api/v1/me/holds": "signed-in, own holds only (fan-holds.test.ts)",
  "POST /api/v1/me/email-verification": "signed-in, own address (email-verification.test.ts)",
  "POST /api/v1/users": "public sign-up",
  "POST /api/v1/auth/tokens": "credentials",
  "GET /api/v1/auth/tokens": "own tokens",
  "DELETE /api/v1/auth/tokens/[tokenId]": "own tokens",
  "GET /api/v1/organizer/events": "organizers, own organizations (authorization.test.ts)",
  "GET /api/v1/search/suggest": "public",
  "POST /checkout/simulator/[sessionId]/pay": "simulator only",
  "POST /checkout/simulator/[sessionId]/cancel": "simulator only",
  "GET /media/[...path]": "public images",
};

describe("access to every route", () => {
  it("has a rule for every route on disk, and no rule for a route that is gone", () => {
    const onDisk = routesOnDisk().sort();
    const ruled = [...Object.keys(organizationRoutes), ...Object.keys(doorRoutes), ...Object.keys(otherRoutes)].sort();
    expect(
      onDisk.filter((r) => !ruled.includes(r)),
      "routes without an access rule",
    ).toEqual([]);
    expect(
      ruled.filter((r) => !onDisk.includes(r)),
      "rules for routes that do not exist",
    ).toEqual([]);
  });

  it.each(Object.entries(organizationRoutes))(
    "%s: owners and managers only; 404 to outsiders, 403 to check-in staff, 401 anonymously",
    { timeout: 60_000 },
    async (name, route) => {
      const org = await organizationWithCallers();
      const handler = await route.handler();
      const method = name.split(" ")[0]!;
      const as = async (token: string | null) => {
        const request = await route.request(org);
        return call(handler, { method, ...request, headers: { ...request.headers, ...(token ? bearer(token) : {}) } });
      };
      const { callers } = org;

      expect((await as(null)).status, "anonymous").toBe(401);
      expect([403, 404], "a fan").toContain((await as(callers.fan.token)).status);
      expect((await as(callers.otherOrganizer.token)).status, "another organization's organizer").toBe(404);
      expect((await as(callers.checkIn.token)).status, "check-in staff").toBe(403);
      for (const role of ["manager", "owner"] as const) {
        const response = await as(callers[role].token);
        expect(response.status, `${role}: ${JSON.stringify(response.json)}`).toBeLessThan(400);
      }
    },
  );

  it.each(Object.entries(doorRoutes))(
    "%s: every member of the organization (check-in staff too), its tokens and admins; 404 to outsiders, 401 anonymously",
    { timeout: 60_000 },
    async (name, route) => {
      const org = await organizationWithCallers();
      const handler = await route.handler();
      const method = name.split(" ")[0]!;
      const as = async (token: string | null) =>
        call(handler, { method, ...(await route.request(org)), ...(token ? { headers: bearer(token) } : {}) });
      const { callers } = org;

      expect((await as(null)).status, "anonymous").toBe(401);
      expect((await as(callers.fan.token)).status, "a fan").toBe(404);
      expect((await as(callers.otherOrganizer.token)).status, "another organization's organizer").toBe(404);
      const elsewhere = await scopedToken(callers.owner.user.id, org.otherOrganization.id);
      expect((await as(elsewhere)).status, "the owner's token made for another organization").toBe(404);
      const members = {
        checkIn: callers.checkIn.token,
        checkInScoped: await scopedToken(callers.checkIn.user.id, org.organization.id),
        manager: callers.manager.token,
        owner: callers.owner.token,
        admin: (await createUserWithToken("ADMIN")).token,
      };
      for (const [who, token] of Object.entries(members)) {
        const response = await as(token);
        expect(response.status, `${who}: ${JSON.stringify(response.json)}`).toBe(200);
      }
    },
  );
});
