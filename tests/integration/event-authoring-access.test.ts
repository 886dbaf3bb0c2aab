import { describe, expect, it } from "vitest";
import { PATCH as patchEvent } from "@/app/api/v1/events/[eventId]/route";
import { POST as duplicateRoute } from "@/app/api/v1/events/[eventId]/duplicate/route";
import { POST as publishRoute } from "@/app/api/v1/events/[eventId]/publish/route";
import { POST as unpublishRoute } from "@/app/api/v1/events/[eventId]/unpublish/route";
import { POST as addTypeRoute } from "@/app/api/v1/events/[eventId]/ticket-types/route";
import {
  DELETE as deleteTypeRoute,
  PATCH as patchTypeRoute,
} from "@/app/api/v1/events/[eventId]/ticket-types/[ticketTypeId]/route";
import { POST as createRoute } from "@/app/api/v1/events/route";
import { db } from "@/lib/db";
import { bearer, call } from "../support/http";
import { createUserWithToken } from "../support/factories";
import { addMember, createOrganizerOrganization, createVenue } from "../support/venue-fixtures";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();

/** An organization with a draft GA event, its owner, a check-in member, and an organizer of another organization. */
async function world() {
  const { organization, owner } = await createOrganizerOrganization();
  const venue = await createVenue(organization.id);
  const created = await call(createRoute, {
    method: "POST",
    headers: bearer(owner.token),
    body: {
      venueId: venue.id,
      title: "Members Only",
      category: "COMEDY",
      startsAt: inDays(9),
      endsAt: inDays(9.1),
      ticketTypes: [{ name: "Seat", priceMinor: 1_000, capacity: 10 }],
    },
  });
  expect(created.status).toBe(201);
  const checkIn = await addMember(organization.id, "CHECK_IN");
  const outsider = (await createOrganizerOrganization()).owner;
  return { venue, owner, checkIn, outsider, event: created.json.event };
}

type World = Awaited<ReturnType<typeof world>>;

/** Every route this module adds, called as `token` against the world's event. */
function everyRoute(w: World) {
  const eventId = w.event.id;
  const ticketTypeId = w.event.ticketTypes[0].id;
  return [
    [
      "POST /events",
      createRoute,
      { body: { venueId: w.venue.id, title: "X", category: "COMEDY", startsAt: inDays(9), endsAt: inDays(9.1) } },
    ],
    ["PATCH /events/{id}", patchEvent, { params: { eventId }, body: { title: "Changed" } }],
    ["POST /events/{id}/publish", publishRoute, { params: { eventId } }],
    ["POST /events/{id}/unpublish", unpublishRoute, { params: { eventId } }],
    ["POST /events/{id}/duplicate", duplicateRoute, { params: { eventId } }],
    [
      "POST /events/{id}/ticket-types",
      addTypeRoute,
      { params: { eventId }, body: { name: "More", priceMinor: 1, capacity: 1 } },
    ],
    [
      "PATCH /events/{id}/ticket-types/{id}",
      patchTypeRoute,
      { params: { eventId, ticketTypeId }, body: { priceMinor: 2 } },
    ],
    ["DELETE /events/{id}/ticket-types/{id}", deleteTypeRoute, { params: { eventId, ticketTypeId } }],
  ] as const;
}

const methodOf = (name: string) => name.split(" ")[0]!;

describe("who may author events", () => {
  it("answers 404 to another organization's organizer on every route, and changes nothing", async () => {
    const w = await world();
    for (const [name, handler, options] of everyRoute(w)) {
      const response = await call(handler, { method: methodOf(name), headers: bearer(w.outsider.token), ...options });
      expect(response.status, name).toBe(404);
      expect(response.json.error.code, name).toBe("NOT_FOUND");
    }
    expect(await db.event.count({ where: { venueId: w.venue.id } })).toBe(1);
    expect(await db.event.findUniqueOrThrow({ where: { id: w.event.id } })).toMatchObject({ title: "Members Only" });
  });

  it("answers 403 to the organization's check-in staff on every route", async () => {
    const w = await world();
    for (const [name, handler, options] of everyRoute(w)) {
      const response = await call(handler, { method: methodOf(name), headers: bearer(w.checkIn.token), ...options });
      expect(response.status, name).toBe(403);
      expect(response.json.error.code, name).toBe("FORBIDDEN");
    }
    expect(await db.ticketType.count({ where: { eventId: w.event.id } })).toBe(1);
  });

  it("answers 401 without credentials and 404 for unknown ids", async () => {
    const w = await world();
    for (const [name, handler, options] of everyRoute(w)) {
      expect((await call(handler, { method: methodOf(name), ...options })).status, name).toBe(401);
    }
    const unknown = await call(patchEvent, {
      method: "PATCH",
      headers: bearer(w.owner.token),
      params: { eventId: "no-such-event" },
      body: { title: "x" },
    });
    expect(unknown.status).toBe(404);
    const foreignType = await call(patchTypeRoute, {
      method: "PATCH",
      headers: bearer(w.owner.token),
      params: { eventId: w.event.id, ticketTypeId: "no-such-type" },
      body: { priceMinor: 1 },
    });
    expect(foreignType.status).toBe(404);
  });

  it("lets a manager author, and an admin act everywhere", async () => {
    const w = await world();
    const manager = await addMember(w.event.organizationId, "MANAGER");
    const edited = await call(patchEvent, {
      method: "PATCH",
      headers: bearer(manager.token),
      params: { eventId: w.event.id },
      body: { tags: ["late show"] },
    });
    expect(edited.status).toBe(200);
    const admin = await createUserWithToken("ADMIN");
    const published = await call(publishRoute, {
      method: "POST",
      headers: bearer(admin.token),
      params: { eventId: w.event.id },
    });
    expect(published.status).toBe(200);
  });
});
