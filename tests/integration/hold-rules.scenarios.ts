import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { buy, checkout, holdTickets, pay, releaseHold, sessionIdOf } from "../support/purchase";

/** What a hold request may take, whatever the hold store; run once per store (the test file picks it). */
export function holdRules(storeName: "postgres" | "redis") {
  describe(`hold rules (${storeName} holds)`, () => {
    it("runs on the expected store", () => {
      expect(services().holds.kind).toBe(storeName);
    });

    it("keeps the price of the moment of the hold: a later price change applies to later holds only", async () => {
      const event = await createSaleEvent({ gaCapacity: 10 });
      const fan = await createUserWithToken("FAN");
      const held = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 2 });
      expect(held.status).toBe(201);
      expect(held.json.items[0]).toMatchObject({ unitPriceMinor: 2_500, unitFeeMinor: 300, unitAllInMinor: 2_800 });
      expect(held.json.totalMinor).toBe(5_600);

      // The organizer raises the price while the fan is on the payment page.
      await db.ticketType.update({ where: { id: event.ga.id }, data: { priceMinor: 4_000, feeMinor: 400 } });
      const started = await checkout(fan.token, held.json.holdId);
      expect(started.status).toBe(201);
      const order = await db.order.findUniqueOrThrow({ where: { id: started.json.orderId }, include: { items: true } });
      expect(order).toMatchObject({ subtotalMinor: 5_000, feesMinor: 600, totalMinor: 5_600 });
      expect(order.items[0]).toMatchObject({ unitPriceMinor: 2_500, unitFeeMinor: 300 });
      expect((await pay(sessionIdOf(started.json.checkoutUrl))).status).toBeLessThan(400);
      expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");

      const later = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 1 });
      expect(later.json.items[0]).toMatchObject({ unitPriceMinor: 4_000, unitFeeMinor: 400 });
    });

    it("applies each ticket type's minimum and maximum per order, and holds nothing when refused", async () => {
      const event = await createSaleEvent({ gaCapacity: 20 });
      const fan = await createUserWithToken("FAN");
      await db.ticketType.update({ where: { id: event.ga.id }, data: { minPerOrder: 2, maxPerOrder: 4 } });
      const tooFew = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 1 });
      expect(tooFew.status).toBe(400);
      expect(tooFew.json.error).toMatchObject({ code: "VALIDATION_FAILED", details: { minPerOrder: 2 } });
      const tooMany = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 5 });
      expect(tooMany.status).toBe(409);
      expect(tooMany.json.error).toMatchObject({ code: "LIMIT_EXCEEDED", details: { maxPerOrder: 4 } });
      expect(await db.hold.count({ where: { eventId: event.event.id } })).toBe(0);

      await db.ticketType.update({ where: { id: event.reserved.id }, data: { maxPerOrder: 1 } });
      const twoSeats = await holdTickets(fan.token, event.event.id, {
        seatIds: [event.seats[0]!.id, event.seats[1]!.id],
      });
      expect(twoSeats.status).toBe(409);
      expect(twoSeats.json.error.details).toMatchObject({ ticketTypeId: event.reserved.id, maxPerOrder: 1 });

      const justRight = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 2 });
      expect(justRight.status).toBe(201);
    });

    it("refuses hidden ticket types as unknown, by type and by seat", async () => {
      const event = await createSaleEvent();
      const fan = await createUserWithToken("FAN");
      await db.ticketType.updateMany({
        where: { id: { in: [event.ga.id, event.reserved.id] } },
        data: { hidden: true },
      });
      const byType = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 1 });
      expect(byType.status).toBe(400);
      expect(byType.json.error.code).toBe("VALIDATION_FAILED");
      const bySeat = await holdTickets(fan.token, event.event.id, { seatIds: [event.seats[0]!.id] });
      expect(bySeat.status).toBe(400);
      expect(bySeat.json.error.details).toEqual({ unknownSeatIds: [event.seats[0]!.id] });
      const best = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.reserved.id, quantity: 1 });
      expect(best.status).toBe(400);
      expect(await db.hold.count({ where: { userId: fan.user.id } })).toBe(0);
    });

    it("refuses ticket types outside their own sale window", async () => {
      const event = await createSaleEvent();
      const fan = await createUserWithToken("FAN");
      const hour = 3_600_000;
      await db.ticketType.update({
        where: { id: event.ga.id },
        data: { salesStartAt: new Date(Date.now() + hour) },
      });
      await db.ticketType.update({
        where: { id: event.reserved.id },
        data: { salesStartAt: new Date(Date.now() - 2 * hour), salesEndAt: new Date(Date.now() - hour) },
      });
      const early = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 1 });
      expect(early.status).toBe(409);
      expect(early.json.error).toMatchObject({ code: "EVENT_NOT_ON_SALE", details: { ticketTypeId: event.ga.id } });
      const late = await holdTickets(fan.token, event.event.id, { seatIds: [event.seats[0]!.id] });
      expect(late.status).toBe(409);
      expect(late.json.error).toMatchObject({
        code: "EVENT_NOT_ON_SALE",
        details: { ticketTypeId: event.reserved.id },
      });
      expect(await db.hold.count({ where: { userId: fan.user.id } })).toBe(0);

      await db.ticketType.update({ where: { id: event.ga.id }, data: { salesStartAt: new Date(Date.now() - hour) } });
      expect((await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 1 })).status).toBe(
        201,
      );
    });

    it("lets one fan's simultaneous requests take no more than the per-fan limit", async () => {
      const event = await createSaleEvent({ seatCount: 12, gaCapacity: 20, perOrderLimit: 4 });
      const fan = await createUserWithToken("FAN");
      const results = await Promise.all([
        ...Array.from({ length: 6 }, () =>
          holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 1 }),
        ),
        ...event.seats.slice(0, 6).map((seat) => holdTickets(fan.token, event.event.id, { seatIds: [seat.id] })),
      ]);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(4);
      expect(results.filter((r) => r.status === 409).every((r) => r.json.error.code === "LIMIT_EXCEEDED")).toBe(true);
      const held = await db.holdItem.aggregate({
        _sum: { quantity: true },
        where: { hold: { userId: fan.user.id, status: "ACTIVE" } },
      });
      expect(held._sum.quantity).toBe(4);
      // Refused requests left nothing held behind.
      const heldSeats = await services().holds.heldSeatIds(db, event.event.id, new Date());
      const heldGa = (await services().holds.heldQuantities(db, event.event.id, new Date())).get(event.ga.id) ?? 0;
      expect(heldSeats.length + heldGa).toBe(4);
    });

    it("counts a hold once on its way to tickets: held, ordered, paid", async () => {
      const event = await createSaleEvent({ gaCapacity: 20, perOrderLimit: 4 });
      const fan = await createUserWithToken("FAN");
      const ga = (quantity: number) => holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity });

      const first = await ga(2);
      expect(first.status).toBe(201);
      expect((await ga(3)).json.error).toMatchObject({ code: "LIMIT_EXCEEDED", details: { alreadyTaken: 2 } });
      const started = await checkout(fan.token, first.json.holdId);
      expect((await ga(3)).json.error).toMatchObject({ code: "LIMIT_EXCEEDED", details: { alreadyTaken: 2 } });
      await pay(sessionIdOf(started.json.checkoutUrl));
      expect(await db.ticket.count({ where: { order: { userId: fan.user.id }, status: "ISSUED" } })).toBe(2);
      // Two tickets issued, the hold consumed: counted once, not twice, not zero times.
      expect((await ga(3)).json.error).toMatchObject({ code: "LIMIT_EXCEEDED", details: { alreadyTaken: 2 } });
      expect((await ga(2)).status).toBe(201);
      expect((await ga(1)).json.error).toMatchObject({ code: "LIMIT_EXCEEDED", details: { alreadyTaken: 4 } });
    });

    it("gives a released hold's seats and GA tickets back at once, cancels its open order, and only for its fan", async () => {
      const event = await createSaleEvent({ gaCapacity: 3, seatCount: 4, perOrderLimit: 6 });
      const [fan, rival] = [await createUserWithToken("FAN"), await createUserWithToken("FAN")];
      const seatIds = [event.seats[0]!.id, event.seats[1]!.id];
      const seats = await holdTickets(fan.token, event.event.id, { seatIds });
      const ga = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 3 });
      expect([seats.status, ga.status]).toEqual([201, 201]);
      const started = await checkout(fan.token, ga.json.holdId);
      expect(started.status).toBe(201);

      // Someone else's hold is "not found" and stays held.
      expect((await releaseHold(rival.token, seats.json.holdId)).status).toBe(404);
      expect((await holdTickets(rival.token, event.event.id, { seatIds })).status).toBe(409);

      expect((await releaseHold(fan.token, seats.json.holdId)).status).toBe(204);
      expect((await releaseHold(fan.token, ga.json.holdId)).status).toBe(204);
      // Twice is harmless: nothing is given back again.
      expect((await releaseHold(fan.token, ga.json.holdId)).status).toBe(204);
      expect(await db.hold.findMany({ where: { eventId: event.event.id }, select: { status: true } })).toEqual([
        { status: "RELEASED" },
        { status: "RELEASED" },
      ]);
      const order = await db.order.findUniqueOrThrow({
        where: { id: started.json.orderId },
        include: { payments: true },
      });
      expect(order.status).toBe("CANCELLED");
      expect(order.payments.map((p) => p.status)).not.toContain("SUCCEEDED");

      expect((await holdTickets(rival.token, event.event.id, { seatIds })).status).toBe(201);
      expect((await holdTickets(rival.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 3 })).status).toBe(
        201,
      );
      expect((await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 1 })).status).toBe(
        409,
      );
    });

    it("makes a fan who let three holds go within the hour wait, and no one else", async () => {
      const event = await createSaleEvent({ seatCount: 6, perOrderLimit: 6 });
      const [fan, other] = [await createUserWithToken("FAN"), await createUserWithToken("FAN")];
      const seat = (n: number) => ({ seatIds: [event.seats[n]!.id] });
      // A hold that became an order does not count, even once the order is cancelled.
      const bought = await holdTickets(fan.token, event.event.id, seat(5));
      await checkout(fan.token, bought.json.holdId);
      expect((await releaseHold(fan.token, bought.json.holdId)).status).toBe(204);
      for (const n of [0, 1]) {
        const held = await holdTickets(fan.token, event.event.id, seat(n));
        expect((await releaseHold(fan.token, held.json.holdId)).status).toBe(204);
      }
      // The third lets its hold lapse.
      const lapsing = await holdTickets(fan.token, event.event.id, seat(2));
      await db.hold.update({ where: { id: lapsing.json.holdId }, data: { expiresAt: new Date(Date.now() - 1_000) } });

      const refused = await holdTickets(fan.token, event.event.id, seat(3));
      expect(refused.status).toBe(429);
      expect(refused.json.error).toMatchObject({ code: "RATE_LIMITED", details: { reason: "ABANDONED_HOLDS" } });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(58 * 60);
      expect(
        await db.hold.count({ where: { eventId: event.event.id, status: "ACTIVE", expiresAt: { gt: new Date() } } }),
      ).toBe(0);
      expect((await holdTickets(other.token, event.event.id, seat(3))).status).toBe(201);

      // An hour later the fan may hold again.
      const hourAgo = new Date(Date.now() - 61 * 60_000);
      await db.hold.updateMany({
        where: { eventId: event.event.id, userId: fan.user.id },
        data: { updatedAt: hourAgo, expiresAt: hourAgo },
      });
      expect((await holdTickets(fan.token, event.event.id, seat(4))).status).toBe(201);
    });

    it("counts tickets bought earlier toward the limit", async () => {
      const event = await createSaleEvent({ seatCount: 6, perOrderLimit: 3 });
      const fan = await createUserWithToken("FAN");
      await buy(fan.token, event.event.id, { seatIds: [event.seats[0]!.id, event.seats[1]!.id] });
      const refused = await holdTickets(fan.token, event.event.id, {
        seatIds: [event.seats[2]!.id, event.seats[3]!.id],
      });
      expect(refused.status).toBe(409);
      expect(refused.json.error).toMatchObject({ code: "LIMIT_EXCEEDED", details: { alreadyTaken: 2 } });
      // The refused seats are free for anyone at once.
      const rival = await createUserWithToken("FAN");
      expect((await holdTickets(rival.token, event.event.id, { seatIds: [event.seats[2]!.id] })).status).toBe(201);
      expect((await holdTickets(fan.token, event.event.id, { seatIds: [event.seats[3]!.id] })).status).toBe(201);
    });
  });
}
