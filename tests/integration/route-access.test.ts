import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUserWithToken } from "../support/factories";
import { bearer, call, type CallOptions } from "../support/http";
import {
  addLayoutVersion,
  addMember,
  createOrganizerOrganization,
  createVenue,
  smallLayout,
  venueBody,
} from "../support/venue-fixtures";

// Who may call each route, driven by the routes themselves: a route file (or method) that is not
// in the table below fails the first test, so a new route cannot ship without an access rule.

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

type Org = Awaited<ReturnType<typeof organization>>;
type Handler = Parameters<typeof call>[0];
/** How to call an organization-scoped route against fresh data of `org` (fresh, so one role's call cannot change another's). */
type OrgRoute = { handler: () => Promise<Handler>; request: (org: Org) => Promise<CallOptions> };

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();

async function draftEvent(org: Org, status: "DRAFT" | "PUBLISHED" = "DRAFT") {
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
  "DELETE /api/v1/events/[eventId]/ticket-types/[ticketTypeId]": {
    handler: load("api/v1/events/[eventId]/ticket-types/[ticketTypeId]/route.ts", "DELETE"),
    request: async (org) => ({ params: await draftEvent(org) }),
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
  "GET /api/v1/holds/[holdId]": "the hold's owner",
  "DELETE /api/v1/holds/[holdId]": "the hold's owner",
  "POST /api/v1/holds/[holdId]/checkout": "the hold's owner",
  "GET /api/v1/orders/[orderId]": "buyer, owners and managers (order-access.test.ts)",
  "GET /orders/[orderId]/calendar.ics": "as the order",
  "GET /api/v1/me": "signed-in",
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

async function organization() {
  const { organization: org, owner } = await createOrganizerOrganization();
  const venue = await createVenue(org.id);
  await addLayoutVersion(venue.id, smallLayout());
  return {
    organization: org,
    venue,
    callers: {
      owner,
      manager: await addMember(org.id, "MANAGER"),
      checkIn: await addMember(org.id, "CHECK_IN"),
      otherOrganizer: (await createOrganizerOrganization()).owner,
      fan: await createUserWithToken("FAN"),
    },
  };
}

describe("access to every route", () => {
  it("has a rule for every route on disk, and no rule for a route that is gone", () => {
    const onDisk = routesOnDisk().sort();
    const ruled = [...Object.keys(organizationRoutes), ...Object.keys(otherRoutes)].sort();
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
      const org = await organization();
      const handler = await route.handler();
      const method = name.split(" ")[0]!;
      const as = async (token: string | null) =>
        call(handler, { method, ...(await route.request(org)), ...(token ? { headers: bearer(token) } : {}) });
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
});

describe("access to every organizer page", () => {
  const pagesDir = path.join(root, "app/(organizer)/organizer/[orgSlug]");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    });

  it("checks the organization and role in every page (not only in the layout)", () => {
    const pages = files(pagesDir).filter((f) => f.endsWith("page.tsx"));
    expect(pages.length).toBeGreaterThan(4);
    for (const page of pages) {
      expect(readFileSync(page, "utf8"), path.relative(root, page)).toMatch(/requireOrganizationPage\(/);
    }
  });

  it("authorizes every server action for the signed-in caller", () => {
    for (const file of files(pagesDir).filter((f) => f.endsWith("actions.ts"))) {
      const source = readFileSync(file, "utf8");
      const actions = source.match(/export const \w+ = formAction\(/g) ?? [];
      expect(actions.length, path.relative(root, file)).toBeGreaterThan(0);
      // Every action is a formAction that requires a signed-in caller; the organization check is in the domain call it makes.
      expect(source.match(/access: "signed-in"/g)?.length ?? 0, path.relative(root, file)).toBe(actions.length);
      expect(source, path.relative(root, file)).not.toMatch(/access: "public"/);
    }
  });
});
