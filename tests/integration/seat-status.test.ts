import { afterAll, describe, expect, it } from "vitest";
import { GET as seatsRoute } from "@/app/api/v1/events/[eventId]/seats/route";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { SEAT_STATUS_TTL_MS, seatStatus } from "@/lib/inventory/seat-status";
import { buildServices } from "@/lib/services";
import { countingClient } from "../support/counting-client";
import { call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";

const counting = countingClient();
afterAll(() => counting.disconnect());

/** Services on the counting client with a clock the test moves. */
function countedServices() {
  let now = Date.now();
  const services = buildServices({
    config: config(),
    db: counting.db,
    redis: null,
    clock: () => new Date(now),
  });
  return { services, advance: (ms: number) => void (now += ms) };
}

async function queriesOf(work: () => Promise<unknown>): Promise<number> {
  return (await counting.statementsOf(work)).count;
}

const poll = (eventId: string, headers: Record<string, string> = {}) =>
  call(seatsRoute, { params: { eventId }, path: "/?statusOnly=1", headers });

describe("the seat status poll", () => {
  it("reads the database once for many concurrent pollers, and not again until the snapshot is a second old", async () => {
    const { event } = await createSaleEvent();
    const { services, advance } = countedServices();
    const one = () => seatStatus(services, { eventId: event.id });

    const concurrent = await queriesOf(() => Promise.all(Array.from({ length: 50 }, one)));
    expect(await queriesOf(() => Promise.all(Array.from({ length: 50 }, one)))).toBe(0);

    advance(SEAT_STATUS_TTL_MS);
    const single = await queriesOf(one);
    // 50 concurrent misses cost what one miss costs: they shared one read.
    expect(single).toBeGreaterThan(0);
    expect(concurrent).toBe(single);
  });

  it("shows a change once the snapshot is a second old, with a new ETag", async () => {
    const { event, seats } = await createSaleEvent();
    const { services, advance } = countedServices();
    const before = await seatStatus(services, { eventId: event.id });
    expect(JSON.parse(before.body)).toEqual({ eventId: event.id, unavailable: {} });

    await db.seat.update({ where: { id: seats[0]!.id }, data: { status: "SOLD" } });
    advance(SEAT_STATUS_TTL_MS - 1);
    expect(await seatStatus(services, { eventId: event.id })).toEqual(before);

    advance(1);
    const after = await seatStatus(services, { eventId: event.id });
    expect(JSON.parse(after.body)).toEqual({ eventId: event.id, unavailable: { [seats[0]!.id]: "SOLD" } });
    expect(after.etag).not.toBe(before.etag);
  });

  it("sends a strong ETag and answers a matching If-None-Match with 304 and no body", async () => {
    const { event } = await createSaleEvent();
    const first = await poll(event.id);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ eventId: event.id, unavailable: {} });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=1, stale-while-revalidate=1");

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await poll(event.id, { "if-none-match": ifNoneMatch });
      expect(again.status).toBe(304);
      expect(again.json).toBeNull();
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe("public, max-age=1, stale-while-revalidate=1");
    }
    expect((await poll(event.id, { "if-none-match": '"something-else"' })).status).toBe(200);
  });

  it("is 404 for an event that is not public, cached or not", async () => {
    const { event } = await createSaleEvent();
    await db.event.update({ where: { id: event.id }, data: { status: "DRAFT" } });
    for (let i = 0; i < 2; i++) expect((await poll(event.id)).status).toBe(404);
    expect((await poll("no-such-event")).status).toBe(404);
  });
});
