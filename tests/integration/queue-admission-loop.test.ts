import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { admissionTick } from "@/lib/queue/admission-loop";
import { joinQueue, queueStatus } from "@/lib/queue/waiting-room";
import { services } from "@/lib/services";
import { createFans } from "../support/queue-fixtures";
import { createSaleEvent } from "../support/inventory-fixtures";

const DAY = 24 * 3600_000;
// Each test lives in a stretch of time of its own, far enough ahead that every other event (other files' start
// within a week, earlier tests' within their own stretch) has started: a tick sees only the test's own events.
let stretch = 0;

function world(perSecond = 25) {
  const start = Date.now() + (30 + 100 * stretch++) * DAY;
  let now = start;
  const deps = {
    ...services(),
    clock: () => new Date(now),
    config: { ...services().config, CHECKOUT_SESSIONS_PER_SECOND: perSecond },
  };
  return {
    deps,
    start,
    tick: () => admissionTick(deps, { intervalMs: 1_000 }),
    advance: (ms: number) => void (now += ms),
  };
}

async function queuedEvent(start: number, options: { seatCount: number; gaCapacity: number; onSaleAt?: number }) {
  const event = await createSaleEvent(options);
  await db.event.update({
    where: { id: event.event.id },
    data: {
      queueEnabled: true,
      onSaleAt: new Date(options.onSaleAt ?? start - 3600_000),
      startsAt: new Date(start + 60 * DAY),
      endsAt: new Date(start + 60 * DAY + 3600_000),
    },
  });
  return event;
}

describe("the admission loop", () => {
  it("admits no more fans than the tickets left serve, and tells everyone waiting at once when it sells out", async () => {
    const { deps, tick, advance, start } = world();
    const event = await queuedEvent(start, { seatCount: 2, gaCapacity: 2 });
    const eventId = event.event.id;
    const fans = await createFans(6);
    for (const userId of fans) await joinQueue(deps, { eventId, userId });
    const status = (userId: string) => queueStatus(deps, { eventId, userId });

    // 4 tickets at 2 an order (no orders yet): 2 fans.
    expect(await tick()).toEqual({ admitted: 2, soldOutNow: 0 });
    advance(1_000);
    expect((await tick()).admitted).toBe(0);
    expect((await status(fans[0]!)).status).toBe("ADMITTED");
    // 2 admitted in the 2 s since the sale opened for this room: 60 a minute, so the next fan waits about a second.
    expect(await status(fans[2]!)).toMatchObject({ status: "WAITING", position: 1, etaSeconds: expect.any(Number) });
    expect((await status(fans[5]!)).position).toBe(4);

    await db.$executeRaw`UPDATE ticket_types SET sold = capacity WHERE "eventId" = ${eventId}`;
    await db.seat.updateMany({ where: { eventId }, data: { status: "SOLD" } });
    advance(1_000);
    expect(await tick()).toEqual({ admitted: 0, soldOutNow: 1 });
    for (const userId of fans) expect((await status(userId)).status).toBe("SOLD_OUT");
    const [late] = await createFans(1);
    expect((await joinQueue(deps, { eventId, userId: late! })).status).toBe("SOLD_OUT");

    // A refund puts a ticket back on sale: the line moves again.
    await db.$executeRaw`UPDATE ticket_types SET sold = sold - 1 WHERE id = ${event.ga.id}`;
    advance(1_000);
    expect(await tick()).toEqual({ admitted: 0, soldOutNow: 0 });
    expect((await status(fans[2]!)).status).toBe("WAITING");
  });

  it("keeps to the payment provider's Checkout Session rate, shared only by events with fans in line", async () => {
    const { tick, advance, deps, start } = world(3);
    const event = await queuedEvent(start, { seatCount: 1, gaCapacity: 500 });
    // On sale with its room on, but nobody waiting: it takes no share of the limit.
    await queuedEvent(start, { seatCount: 1, gaCapacity: 500 });
    const fans = await createFans(10);
    for (const userId of fans) await joinQueue(deps, { eventId: event.event.id, userId });
    expect((await tick()).admitted).toBe(3);
    advance(1_000);
    expect((await tick()).admitted).toBe(3);
    const waiting = await queueStatus(deps, { eventId: event.event.id, userId: fans[9]! });
    // 6 admitted over 2 s = 180 a minute; 4th in line: about 1.3 s.
    expect(waiting).toMatchObject({ position: 4, etaSeconds: 2 });
  });

  it("lets nobody in before the on-sale moment, then the lobby in its drawn order before later arrivals", async () => {
    const { tick, advance, deps, start } = world();
    const event = await queuedEvent(start, { seatCount: 1, gaCapacity: 500, onSaleAt: start + 60_000 });
    const eventId = event.event.id;
    const lobby = await createFans(5);
    for (const userId of lobby) {
      expect(await joinQueue(deps, { eventId, userId })).toMatchObject({
        status: "WAITING",
        lobby: true,
        position: null,
      });
    }
    expect((await tick()).admitted).toBe(0);
    advance(61_000);
    const [late] = await createFans(1);
    expect(await joinQueue(deps, { eventId, userId: late! })).toMatchObject({ lobby: false, position: 6 });
    await deps.queue.setControl(eventId, { ratePerMinute: 300 });
    expect((await tick()).admitted).toBe(5);
    for (const userId of lobby) expect((await queueStatus(deps, { eventId, userId })).status).toBe("ADMITTED");
    expect((await queueStatus(deps, { eventId, userId: late! })).position).toBe(1);
  });

  it("admits nobody while the organizer has paused the room", async () => {
    const { tick, deps, start } = world();
    const event = await queuedEvent(start, { seatCount: 1, gaCapacity: 50 });
    const [fan] = await createFans(1);
    await joinQueue(deps, { eventId: event.event.id, userId: fan! });
    await deps.queue.setControl(event.event.id, { paused: true });
    expect((await tick()).admitted).toBe(0);
    expect(await queueStatus(deps, { eventId: event.event.id, userId: fan! })).toMatchObject({
      status: "WAITING",
      paused: true,
      etaSeconds: null,
    });
  });
});
