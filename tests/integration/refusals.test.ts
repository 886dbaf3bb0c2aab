import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { POST as joinRoute } from "@/app/api/v1/events/[eventId]/queue/route";
import { releaseOwnHold } from "@/lib/inventory/holds";
import { startCheckout } from "@/lib/orders/checkout";
import { holdTickets } from "@/lib/orders/holds";
import { PURCHASE_LIMITS } from "@/lib/orders/purchase-limits";
import { refusalRecorder } from "@/lib/refusals/recorder";
import { pruneRefusals, refusalList, refusalSummary } from "@/lib/refusals/store";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { bearer, call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";

// The refusal audit trail (lib/refusals): counted in memory, flushed as one upsert, read by the dashboard.

const MINUTE = 60_000;

function clockAt(start: number) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

const rowsOf = (eventId: string) =>
  db.refusalCount.findMany({
    where: { eventId },
    select: { reason: true, userId: true, addressBlock: true, minute: true, count: true },
    orderBy: [{ minute: "asc" }, { reason: "asc" }, { addressBlock: "asc" }],
  });

/**
 * The real client whose statements fail while `failing` is set: a database that goes away between
 * flushes, without pretending anything about what a working one answers.
 */
function flakyDb() {
  const state = { failing: true };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "$executeRaw" && state.failing) {
        return () => Promise.reject(new Error("Can't reach database server"));
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: proxy as Db, state };
}

describe("the refusal recorder", () => {
  it("adds up refusals per event, reason, account, address block and minute, across flushes and instances", async () => {
    const { event } = await createSaleEvent();
    const fan = randomUUID();
    const start = Date.UTC(2026, 0, 1, 12, 0, 10);
    const { clock, advance } = clockAt(start);
    const one = refusalRecorder({ db, clock });
    const two = refusalRecorder({ db, clock });
    for (let i = 0; i < 5; i++)
      one.note({ eventId: event.id, reason: "HOLD_RATE_FAN", userId: fan, clientIp: "198.51.100.7" });
    one.note({ eventId: event.id, reason: "HOLD_RATE_ADDRESS", userId: fan, clientIp: "2001:db8:1:2:3:4:5:6" });
    two.note({ eventId: event.id, reason: "HOLD_RATE_FAN", userId: fan, clientIp: "198.51.100.7" });
    await Promise.all([one.flush(), two.flush()]);
    one.note({ eventId: event.id, reason: "HOLD_RATE_FAN", userId: fan, clientIp: "198.51.100.7" });
    advance(MINUTE);
    one.note({ eventId: event.id, reason: "QUEUE_REQUIRED", userId: null, clientIp: null });
    await one.stop();
    await two.stop();

    const minute = new Date(Date.UTC(2026, 0, 1, 12, 0));
    expect(await rowsOf(event.id)).toEqual([
      { reason: "HOLD_RATE_ADDRESS", userId: fan, addressBlock: "2001:db8:1:2::/64", minute, count: 1 },
      { reason: "HOLD_RATE_FAN", userId: fan, addressBlock: "198.51.100.7", minute, count: 7 },
      { reason: "QUEUE_REQUIRED", userId: "", addressBlock: "", minute: new Date(minute.getTime() + MINUTE), count: 1 },
    ]);
  });

  it("keeps the counts of a failed flush and adds them to the next one", async () => {
    const { event } = await createSaleEvent();
    const flaky = flakyDb();
    const recorder = refusalRecorder({ db: flaky.db, clock: () => new Date() });
    const note = () => recorder.note({ eventId: event.id, reason: "ABANDONED_HOLDS", userId: "u1", clientIp: null });
    note();
    note();
    await expect(recorder.flush()).rejects.toThrow(/reach database/);
    note();
    await expect(recorder.flush()).rejects.toThrow(/reach database/);
    expect(await rowsOf(event.id)).toEqual([]);
    flaky.state.failing = false;
    note();
    await recorder.flush();
    expect((await rowsOf(event.id)).map((r) => r.count)).toEqual([4]);
    // Nothing is written twice.
    await recorder.flush();
    expect((await rowsOf(event.id)).map((r) => r.count)).toEqual([4]);
  });

  it("leaves out refusals for ids that are no event, and writes the rest", async () => {
    const { event } = await createSaleEvent();
    const recorder = refusalRecorder({ db, clock: () => new Date() });
    recorder.note({ eventId: `no-such-event-${randomUUID()}`, reason: "HOLD_RATE_FAN", userId: "u", clientIp: null });
    recorder.note({ eventId: event.id, reason: "HOLD_RATE_FAN", userId: "u", clientIp: null });
    await recorder.flush();
    expect((await rowsOf(event.id)).map((r) => r.count)).toEqual([1]);
  });

  it("keeps at most maxKeys distinct keys between flushes; counts of kept keys still add up", async () => {
    const { event } = await createSaleEvent();
    const recorder = refusalRecorder({ db, clock: () => new Date(), maxKeys: 2 });
    for (const ip of ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.1"]) {
      recorder.note({ eventId: event.id, reason: "HOLD_RATE_ADDRESS", userId: null, clientIp: ip });
    }
    await recorder.flush();
    expect((await rowsOf(event.id)).map((r) => [r.addressBlock, r.count])).toEqual([
      ["192.0.2.1", 2],
      ["192.0.2.2", 1],
    ]);
  });

  it("is pruned after 30 days", async () => {
    const { event } = await createSaleEvent();
    const now = Date.now();
    const recorder = refusalRecorder({ db, clock: () => new Date(now - 31 * 24 * 60 * MINUTE) });
    recorder.note({ eventId: event.id, reason: "FAN_LIMIT", userId: "u", clientIp: null });
    await recorder.flush();
    const recent = refusalRecorder({ db, clock: () => new Date(now - 29 * 24 * 60 * MINUTE) });
    recent.note({ eventId: event.id, reason: "FAN_LIMIT", userId: "u", clientIp: null });
    await recent.flush();
    expect(await pruneRefusals(db, new Date(now))).toBeGreaterThanOrEqual(1);
    expect((await rowsOf(event.id)).map((r) => r.count)).toEqual([1]);
  });
});

/** The error a purchase attempt was refused with. */
async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error("the attempt was not refused");
}

describe("refusals of the hold and checkout path", () => {
  it("records each kind of refusal with the event, account and address block", async () => {
    const sale = await createSaleEvent({ seatCount: 4, gaCapacity: 10, perOrderLimit: 2 });
    const eventId = sale.event.id;
    const deps = services();
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const hold = (userId: string, input: object, more: object = {}) =>
      holdTickets(deps, { userId, eventId, input: input as never, clientIp: ip, ...more });

    // Over the per-fan limit at hold time.
    const greedy = await createUserWithToken("FAN");
    expect(await refusal(hold(greedy.user.id, { ticketTypeId: sale.ga.id, quantity: 3 }))).toMatchObject({
      code: "LIMIT_EXCEEDED",
    });

    // Holding and letting go three times: the cool-down.
    const squatter = await createUserWithToken("FAN");
    for (let i = 0; i < 3; i++) {
      const held = await hold(squatter.user.id, { ticketTypeId: sale.ga.id, quantity: 1 });
      await releaseOwnHold(db, deps.holds, { holdId: held.holdId, userId: squatter.user.id });
    }
    expect(await refusal(hold(squatter.user.id, { ticketTypeId: sale.ga.id, quantity: 1 }))).toMatchObject({
      code: "RATE_LIMITED",
      details: { reason: "ABANDONED_HOLDS" },
    });

    // Too many hold attempts from one account: the 429 names its window and says when to come back.
    const hammer = await createUserWithToken("FAN");
    for (let i = 0; i < PURCHASE_LIMITS.hold.perFan.limit; i++) {
      await refusal(hold(hammer.user.id, { ticketTypeId: sale.ga.id, quantity: 3 }));
    }
    expect(await refusal(hold(hammer.user.id, { ticketTypeId: sale.ga.id, quantity: 1 }))).toEqual({
      code: "RATE_LIMITED",
      details: { reason: "HOLD_RATE_FAN", retryAfterSeconds: expect.any(Number) },
    });

    // Checkout attempts: refused ones are counted for the hold's event.
    const buyer = await createUserWithToken("FAN");
    const held = await hold(buyer.user.id, { ticketTypeId: sale.ga.id, quantity: 1 });
    const pay = () => startCheckout(deps, { userId: buyer.user.id, holdId: held.holdId, clientIp: ip });
    for (let i = 0; i < PURCHASE_LIMITS.checkout.perFan.limit; i++) await pay();
    expect(await refusal(pay())).toMatchObject({ code: "RATE_LIMITED", details: { reason: "CHECKOUT_RATE_FAN" } });

    // The waiting room: no token, then an unconfirmed address.
    await db.event.update({ where: { id: eventId }, data: { queueEnabled: true } });
    const unqueued = await createUserWithToken("FAN");
    expect(await refusal(hold(unqueued.user.id, { ticketTypeId: sale.ga.id, quantity: 1 }))).toMatchObject({
      code: "QUEUE_REQUIRED",
    });
    await db.user.update({ where: { id: unqueued.user.id }, data: { emailVerifiedAt: null } });
    expect(
      await refusal(hold(unqueued.user.id, { ticketTypeId: sale.ga.id, quantity: 1 }, { admissionToken: "x.y" })),
    ).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });

    await deps.refusals.flush();
    const counts = await db.refusalCount.groupBy({
      by: ["reason", "userId", "addressBlock"],
      where: { eventId },
      _sum: { count: true },
      orderBy: { reason: "asc" },
    });
    expect(counts.map((c) => [c.reason, c.userId, c.addressBlock, c._sum.count])).toEqual([
      ["ABANDONED_HOLDS", squatter.user.id, ip, 1],
      ["CHECKOUT_RATE_FAN", buyer.user.id, ip, 1],
      ["EMAIL_NOT_VERIFIED", unqueued.user.id, ip, 1],
      // The hammering fan's first attempts were over the per-fan limit too (3 > 2).
      ["FAN_LIMIT", greedy.user.id, ip, 1],
      ["FAN_LIMIT", hammer.user.id, ip, PURCHASE_LIMITS.hold.perFan.limit],
      ["HOLD_RATE_FAN", hammer.user.id, ip, 1],
      ["QUEUE_REQUIRED", unqueued.user.id, ip, 1],
    ]);

    // What the organizer's page reads.
    const summary = await refusalSummary(db, { eventId, now: new Date() });
    expect(summary.byReason[0]).toEqual({ reason: "FAN_LIMIT", lastHour: 21, lastDay: 21 });
    expect(summary.topAccounts[0]).toEqual({ userId: hammer.user.id, email: hammer.user.email, count: 21 });
    expect(summary.topAddressBlocks).toEqual([{ addressBlock: ip, count: 26 }]);
    const first = await refusalList(db, { eventId, page: { limit: 4 } });
    expect(first.items).toHaveLength(4);
    expect(first.older).not.toBeNull();
    const second = await refusalList(db, { eventId, page: { after: first.older, limit: 4 } });
    expect(second.items).toHaveLength(3);
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(7);
  });
});

describe("refusals of the waiting room's door", () => {
  it("counts a join refused for an unconfirmed e-mail address, and not one let in", async () => {
    const { event } = await createSaleEvent();
    await db.event.update({ where: { id: event.id }, data: { queueEnabled: true } });
    const [unconfirmed, confirmed] = await Promise.all([createUserWithToken("FAN"), createUserWithToken("FAN")]);
    await db.user.update({ where: { id: unconfirmed.user.id }, data: { emailVerifiedAt: null } });
    const join = (token: string) =>
      call(joinRoute, { method: "POST", headers: bearer(token), params: { eventId: event.id } });
    expect((await join(unconfirmed.token)).status).toBe(403);
    expect((await join(confirmed.token)).status).toBe(200);
    await services().refusals.flush();
    expect(await rowsOf(event.id)).toEqual([
      expect.objectContaining({ reason: "EMAIL_NOT_VERIFIED", userId: unconfirmed.user.id, count: 1 }),
    ]);
  });
});
