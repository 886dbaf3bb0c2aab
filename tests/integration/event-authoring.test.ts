import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getEvent, PATCH as patchEvent } from "@/app/api/v1/events/[eventId]/route";
import { POST as duplicateRoute } from "@/app/api/v1/events/[eventId]/duplicate/route";
import { POST as publishRoute } from "@/app/api/v1/events/[eventId]/publish/route";
import { POST as unpublishRoute } from "@/app/api/v1/events/[eventId]/unpublish/route";
import { POST as addTypeRoute } from "@/app/api/v1/events/[eventId]/ticket-types/route";
import {
  DELETE as deleteTypeRoute,
  PATCH as patchTypeRoute,
} from "@/app/api/v1/events/[eventId]/ticket-types/[ticketTypeId]/route";
import { GET as searchRoute, POST as createRoute } from "@/app/api/v1/events/route";
import { db } from "@/lib/db";
import { expandLayout } from "@/lib/events/layout/expand";
import { layoutInput } from "@/lib/events/layout/format";
import { arenaLayout } from "@/prisma/demo/arena-layout";
import { bearer, call } from "../support/http";
import { createUserWithToken } from "../support/factories";
import { buy, holdTickets } from "../support/purchase";
import { addLayoutVersion, createOrganizerOrganization, createVenue } from "../support/venue-fixtures";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000);
/** A letters-only word no other test uses, so search finds exactly our event. */
const uniqueWord = () => "zq" + [...randomBytes(8)].map((b) => "abcdefghijklmnopqrstuvwxyz"[b % 26]).join("");

const zonePrices = [
  { zone: "floor", name: "Floor", priceMinor: 12_000, feeMinor: 1_500 },
  { zone: "lower", name: "Lower Bowl", priceMinor: 8_000, feeMinor: 1_000 },
  { zone: "upper", name: "Upper Bowl", priceMinor: 4_500, feeMinor: 700 },
];

async function setup() {
  const { organization, owner } = await createOrganizerOrganization();
  const venue = await createVenue(organization.id);
  const auth = bearer(owner.token);
  const create = (body: Record<string, unknown>) => call(createRoute, { method: "POST", headers: auth, body });
  const on = (eventId: string, extra: Record<string, string> = {}) => ({
    headers: auth,
    params: { eventId, ...extra },
  });
  return { organization, owner, venue, auth, create, on };
}

const gaEvent = (venueId: string, extra: Record<string, unknown> = {}) => ({
  venueId,
  title: "Garage Night",
  category: "CONCERT",
  startsAt: inDays(30).toISOString(),
  endsAt: inDays(30.2).toISOString(),
  onSaleAt: new Date(Date.now() - 60_000).toISOString(),
  ticketTypes: [{ name: "General admission", priceMinor: 2_500, feeMinor: 300, capacity: 100 }],
  ...extra,
});

describe("creating events on a seat map", () => {
  it("copies the chosen layout version into the event's own seats, priced by zone", async () => {
    const { venue, create } = await setup();
    const document = arenaLayout();
    document.seatOverrides = {
      "FL1/1/1": { accessibility: "wheelchair" },
      "FL1/1/2": { accessibility: "companion" },
      "101/A/1": { disabled: true },
      "101/A/2": { removed: true },
    };
    const layout = await addLayoutVersion(venue.id, document);
    const expected = expandLayout(layoutInput.parse(document)).seats;

    const started = performance.now();
    const response = await create({
      venueId: venue.id,
      layoutId: layout.id,
      title: "Arena Tour",
      category: "CONCERT",
      startsAt: "2027-07-15T20:00",
      endsAt: "2027-07-15T23:00",
      ticketTypes: zonePrices,
    });
    console.info(`created a ${expected.length}-seat event in ${Math.round(performance.now() - started)} ms`);
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    const { event } = response.json;
    expect(event.status).toBe("DRAFT");
    expect(event.layout).toMatchObject({ id: layout.id, version: 1 });
    // Venue-local input, stored as the instant (New York is UTC−4 in July), shown back as typed.
    expect(event.startsAt).toBe("2027-07-16T00:00:00.000Z");
    expect(event.local.startsAt).toBe("2027-07-15T20:00");
    expect(event.seatCount).toBe(expected.length);

    const types = new Map<string, { id: string; kind: string; capacity: number }>(
      event.ticketTypes.map((t: { zone: string }) => [t.zone, t]),
    );
    expect(types.get("floor")).toMatchObject({ kind: "RESERVED", capacity: 800 });
    expect(types.get("lower")).toMatchObject({ kind: "RESERVED", capacity: 10 * 15 * 18 - 2 }); // one removed, one disabled

    const seats = await db.seat.findMany({ where: { eventId: event.id } });
    const byKey = new Map(seats.map((s) => [`${s.section}/${s.row}/${s.number}`, s]));
    expect(seats).toHaveLength(expected.length);
    for (const seat of expected) {
      const copy = byKey.get(seat.key)!;
      expect(copy, seat.key).toBeDefined();
      expect([copy.x, copy.y]).toEqual([seat.x, seat.y]);
      expect(copy.ticketTypeId).toBe(types.get(seat.zone)!.id);
    }
    expect(byKey.get("FL1/1/1")!.accessibility).toBe("WHEELCHAIR");
    expect(byKey.get("FL1/1/2")!.accessibility).toBe("COMPANION");
    expect(byKey.get("101/A/1")!.status).toBe("BLOCKED");
    expect(byKey.has("101/A/2")).toBe(false);
  });

  it("never moves an event's seats when the venue saves a newer layout; a duplicate re-copies the same version", async () => {
    const { venue, create, on } = await setup();
    const v1 = await addLayoutVersion(venue.id);
    const created = await create({
      venueId: venue.id,
      layoutId: v1.id,
      title: "Before The Move",
      category: "SPORTS",
      startsAt: inDays(40).toISOString(),
      endsAt: inDays(40.1).toISOString(),
      ticketTypes: zonePrices,
    });
    expect(created.status).toBe(201);
    const eventId = created.json.event.id;
    const snapshot = async (id: string) =>
      (
        await db.seat.findMany({
          where: { eventId: id },
          select: { section: true, row: true, number: true, x: true, y: true },
        })
      )
        .map((s) => `${s.section}/${s.row}/${s.number}@${s.x},${s.y}`)
        .sort();
    const before = await snapshot(eventId);

    // Version 2 moves every floor block 40 units and drops a row of the upper bowl.
    const moved = arenaLayout();
    moved.sections = moved.sections.map((s) =>
      s.kind === "block"
        ? { ...s, origin: { x: s.origin.x + 40, y: s.origin.y } }
        : s.kind === "arc" && s.zone === "upper"
          ? { ...s, rows: { ...s.rows, count: 11 } }
          : s,
    );
    const v2 = await addLayoutVersion(venue.id, moved);
    expect(v2.version).toBe(2);
    expect(await snapshot(eventId)).toEqual(before);

    const copy = await call(duplicateRoute, { method: "POST", ...on(eventId) });
    expect(copy.status).toBe(201);
    expect(copy.json.event).toMatchObject({ status: "DRAFT", title: "Before The Move (copy)", layout: { version: 1 } });
    expect(copy.json.event.id).not.toBe(eventId);
    expect(await snapshot(copy.json.event.id)).toEqual(before);
    const copiedTypes = await db.ticketType.findMany({ where: { eventId: copy.json.event.id } });
    const copiedSeatTypes = await db.seat.groupBy({ by: ["ticketTypeId"], where: { eventId: copy.json.event.id } });
    expect(copiedSeatTypes.map((g) => g.ticketTypeId).sort()).toEqual(copiedTypes.map((t) => t.id).sort());
  });

  it("refuses a seat map with an unpriced zone, a foreign layout and a time the clocks skip", async () => {
    const { venue, create } = await setup();
    const layout = await addLayoutVersion(venue.id);
    const base = { venueId: venue.id, layoutId: layout.id, title: "Incomplete", category: "CONCERT" };

    const missing = await create({
      ...base,
      startsAt: inDays(20).toISOString(),
      endsAt: inDays(20.1).toISOString(),
      ticketTypes: zonePrices.slice(0, 2),
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details.issues).toContainEqual({ path: "zones.upper", message: expect.any(String) });

    const other = await setup();
    const foreignLayout = await addLayoutVersion(other.venue.id);
    const foreign = await create({
      ...base,
      layoutId: foreignLayout.id,
      startsAt: inDays(20).toISOString(),
      endsAt: inDays(20.1).toISOString(),
      ticketTypes: zonePrices,
    });
    expect(foreign.status).toBe(400);

    // 2027-03-14 02:30 never happens in New York (clocks jump from 02:00 to 03:00).
    const skipped = await create({
      ...base,
      startsAt: "2027-03-14T02:30",
      endsAt: "2027-03-14T05:00",
      ticketTypes: zonePrices,
    });
    expect(skipped.status).toBe(400);
    expect(skipped.json.error.details.issues[0].path).toBe("startsAt");

    const backwards = await create({
      ...base,
      startsAt: "2027-05-01T20:00",
      endsAt: "2027-05-01T19:00",
      ticketTypes: zonePrices,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.details.issues[0].path).toBe("endsAt");
    expect(await db.event.count({ where: { venueId: venue.id } })).toBe(0);
  });
});

describe("publishing", () => {
  it("publishes only a complete event, and unpublishes only while nothing is sold or held", async () => {
    const { venue, create, on } = await setup();
    const created = await create(gaEvent(venue.id, { ticketTypes: [] }));
    expect(created.status).toBe(201);
    const eventId = created.json.event.id;

    const empty = await call(publishRoute, { method: "POST", ...on(eventId) });
    expect(empty.status).toBe(409);
    expect(empty.json.error.details.problems).toContainEqual({ path: "ticketTypes", message: expect.any(String) });
    expect((await call(getEvent, { params: { eventId } })).status).toBe(404); // drafts are not public

    const added = await call(addTypeRoute, {
      method: "POST",
      ...on(eventId),
      body: { name: "Standing", priceMinor: 3_000, feeMinor: 450, capacity: 50 },
    });
    expect(added.status).toBe(201);
    expect(added.json.ticketType).toMatchObject({ kind: "GENERAL_ADMISSION", currency: "USD", capacity: 50 });

    const published = await call(publishRoute, { method: "POST", ...on(eventId) });
    expect(published.status).toBe(200);
    expect(published.json.event.status).toBe("PUBLISHED");
    expect((await call(getEvent, { params: { eventId } })).json.ticketTypes).toHaveLength(1);
    expect((await call(publishRoute, { method: "POST", ...on(eventId) })).status).toBe(409);

    // A fan holds two tickets: unpublishing is refused while the hold lives.
    const fan = await createUserWithToken("FAN");
    const hold = await holdTickets(fan.token, eventId, { ticketTypeId: added.json.ticketType.id, quantity: 2 });
    expect(hold.status).toBe(201);
    const whileHeld = await call(unpublishRoute, { method: "POST", ...on(eventId) });
    expect(whileHeld.status).toBe(409);
    expect(whileHeld.json.error.details).toMatchObject({ sold: 0, held: 2 });

    await call((await import("@/app/api/v1/holds/[holdId]/route")).DELETE, {
      method: "DELETE",
      headers: bearer(fan.token),
      params: { holdId: hold.json.holdId },
    });
    const unpublished = await call(unpublishRoute, { method: "POST", ...on(eventId) });
    expect(unpublished.status).toBe(200);
    expect(unpublished.json.event.status).toBe("DRAFT");

    expect((await call(publishRoute, { method: "POST", ...on(eventId) })).status).toBe(200);
    await buy(fan.token, eventId, { ticketTypeId: added.json.ticketType.id, quantity: 1 });
    const afterSale = await call(unpublishRoute, { method: "POST", ...on(eventId) });
    expect(afterSale.status).toBe(409);
    expect(afterSale.json.error.details).toMatchObject({ sold: 1 });
    expect((await db.event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe("PUBLISHED");
  });
});

describe("ticket types once tickets are sold", () => {
  it("keeps sold types, never lowers capacity below sold + held, and sells later tickets at the new price", async () => {
    const { venue, create, on } = await setup();
    const created = await create(
      gaEvent(venue.id, {
        ticketTypes: [
          { name: "Early bird", priceMinor: 2_000, capacity: 10 },
          { name: "Regular", priceMinor: 3_000, capacity: 10 },
          { name: "Spare", priceMinor: 3_500, capacity: 10 },
        ],
      }),
    );
    const eventId = created.json.event.id;
    const [early, regular, spare] = created.json.event.ticketTypes;
    expect((await call(publishRoute, { method: "POST", ...on(eventId) })).status).toBe(200);

    const fan = await createUserWithToken("FAN");
    const { orderId } = await buy(fan.token, eventId, { ticketTypeId: early.id, quantity: 3 });
    const type = (id: string) => ({ method: "PATCH", ...on(eventId, { ticketTypeId: id }) });

    const deleted = await call(deleteTypeRoute, { ...type(early.id), method: "DELETE" });
    expect(deleted.status).toBe(409);
    expect(await db.ticketType.count({ where: { id: early.id } })).toBe(1);

    const tooLow = await call(patchTypeRoute, { ...type(early.id), body: { capacity: 2 } });
    expect(tooLow.status).toBe(400);
    expect(tooLow.json.error.details.issues[0]).toMatchObject({ path: "capacity" });
    const exact = await call(patchTypeRoute, { ...type(early.id), body: { capacity: 3 } });
    expect(exact.status).toBe(200);
    expect(exact.json.ticketType).toMatchObject({ capacity: 3, sold: 3 });

    const repriced = await call(patchTypeRoute, { ...type(regular.id), body: { priceMinor: 4_000, feeMinor: 500 } });
    expect(repriced.status).toBe(200);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
    expect(order.items[0]).toMatchObject({ unitPriceMinor: 2_000 }); // what was paid stays paid
    const publicView = await call(getEvent, { params: { eventId } });
    expect(publicView.json.ticketTypes.find((t: { id: string }) => t.id === regular.id).allInPriceMinor).toBe(4_500);

    // An unsold type goes; hiding the last visible types of a published event does not.
    expect((await call(deleteTypeRoute, { ...type(spare.id), method: "DELETE" })).status).toBe(204);
    expect((await call(patchTypeRoute, { ...type(regular.id), body: { hidden: true } })).status).toBe(200);
    expect((await call(patchTypeRoute, { ...type(early.id), body: { hidden: true } })).status).toBe(409);
    expect((await call(getEvent, { params: { eventId } })).json.ticketTypes.map((t: { id: string }) => t.id)).toEqual([
      early.id,
    ]);
  });

  it("does not delete or resize a reserved zone's type", async () => {
    const { venue, create, on } = await setup();
    const layout = await addLayoutVersion(venue.id);
    const created = await create({
      venueId: venue.id,
      layoutId: layout.id,
      title: "Reserved Only",
      category: "THEATRE",
      startsAt: inDays(10).toISOString(),
      endsAt: inDays(10.1).toISOString(),
      ticketTypes: zonePrices,
    });
    const floor = created.json.event.ticketTypes.find((t: { zone: string }) => t.zone === "floor");
    const target = on(created.json.event.id, { ticketTypeId: floor.id });
    expect((await call(deleteTypeRoute, { method: "DELETE", ...target })).status).toBe(409);
    expect((await call(patchTypeRoute, { method: "PATCH", ...target, body: { capacity: 10 } })).status).toBe(400);
    const cheaper = await call(patchTypeRoute, { method: "PATCH", ...target, body: { priceMinor: 9_900 } });
    expect(cheaper.status).toBe(200);
    expect(cheaper.json.ticketType).toMatchObject({ priceMinor: 9_900, capacity: 800 });
  });
});

describe("edits reach readers at once", () => {
  it("shows an edit through GET /api/v1/events/{id} and in search straight away", async () => {
    const { venue, create, on } = await setup();
    const created = await create(gaEvent(venue.id));
    const eventId = created.json.event.id;
    expect((await call(publishRoute, { method: "POST", ...on(eventId) })).status).toBe(200);

    const word = uniqueWord();
    const search = () => call(searchRoute, { path: `/api/v1/events?q=${word}` });
    expect((await search()).json.total).toBe(0);

    const edited = await call(patchEvent, {
      method: "PATCH",
      ...on(eventId),
      body: {
        title: `Garage Night ${word}`,
        description: "**Loud.** Doors at 7.",
        performers: ["The Edits"],
        startsAt: "2027-11-07T01:30", // happens twice in New York: the earlier one is taken
        endsAt: "2027-11-07T04:00",
        queueEnabled: true,
      },
    });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    expect(edited.json.event).toMatchObject({ startsAt: "2027-11-07T05:30:00.000Z", queueEnabled: true });

    const publicView = await call(getEvent, { params: { eventId } });
    expect(publicView.json).toMatchObject({
      title: `Garage Night ${word}`,
      description: "**Loud.** Doors at 7.",
      performers: ["The Edits"],
      startsAt: "2027-11-07T05:30:00.000Z",
    });
    const found = await search();
    expect(found.json.items.map((e: { id: string }) => e.id)).toEqual([eventId]);

    const outbox = await db.outboxMessage.count({
      where: { topic: "search.sync-event", payload: { equals: { eventId } } },
    });
    expect(outbox).toBeGreaterThanOrEqual(3); // create, publish, edit
  });

  it("refuses unknown fields and bad values with the usual error shape", async () => {
    const { venue, create, on } = await setup();
    const created = await create(gaEvent(venue.id));
    const eventId = created.json.event.id;
    const unknown = await call(patchEvent, { method: "PATCH", ...on(eventId), body: { venueId: "elsewhere" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe("VALIDATION_FAILED");
    const order = await call(patchEvent, {
      method: "PATCH",
      ...on(eventId),
      body: { onSaleAt: inDays(31).toISOString() },
    });
    expect(order.status).toBe(400);
    expect(order.json.error.details.issues[0].path).toBe("onSaleAt");
    expect((await call(patchEvent, { method: "PATCH", ...on(eventId), body: {} })).status).toBe(400);
  });
});
