import { describe, expect, it } from "vitest";
import { DELETE as releaseRoute } from "@/app/api/v1/holds/[holdId]/route";
import { GET as orderRoute } from "@/app/api/v1/orders/[orderId]/route";
import { GET as seatsRoute } from "@/app/api/v1/events/[eventId]/seats/route";
import { db } from "@/lib/db";
import { bearer, call } from "../support/http";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { buy, cancel, checkout, holdTickets, orderState, pay, sessionIdOf } from "../support/purchase";

describe("buying tickets", () => {
  it("holds seats, checks out, pays in the simulator and issues one ticket per seat", async () => {
    const event = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const seatIds = event.seats.slice(0, 2).map((s) => s.id);
    const hold = await holdTickets(fan.token, event.event.id, { seatIds });
    expect(hold.status).toBe(201);
    expect(hold.json).toMatchObject({
      items: [expect.anything(), expect.anything()],
      totalMinor: 11_000,
      currency: "USD",
    });
    expect(new Date(hold.json.expiresAt).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);

    const started = await checkout(fan.token, hold.json.holdId);
    expect(started.status).toBe(201);
    expect(started.json.checkoutUrl).toMatch(/\/checkout\/simulator\/cs_test_sim_/);
    // Pressing Pay twice opens the same payment page.
    expect((await checkout(fan.token, hold.json.holdId)).json).toEqual(started.json);

    const paid = await pay(sessionIdOf(started.json.checkoutUrl));
    expect(paid.status).toBe(200);
    expect(paid.json.redirectUrl).toContain(`/orders/${started.json.orderId}`);

    const order = await orderState(started.json.orderId);
    expect(order.status).toBe("PAID");
    expect(order.tickets.map((t) => t.seatId).sort()).toEqual([...seatIds].sort());
    expect(order.tickets.every((t) => /^MQ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(t.code))).toBe(true);
    expect(await db.seat.count({ where: { id: { in: seatIds }, status: "SOLD" } })).toBe(2);

    const view = await call(orderRoute, { headers: bearer(fan.token), params: { orderId: started.json.orderId } });
    expect(view.status).toBe(200);
    expect(view.json.tickets).toHaveLength(2);
    const seats = await call(seatsRoute, { params: { eventId: event.event.id }, path: "/?statusOnly=1" });
    expect(seats.json.unavailable).toMatchObject({ [seatIds[0]!]: "SOLD", [seatIds[1]!]: "SOLD" });
  });

  it("sells general admission by quantity and counts it as sold", async () => {
    const event = await createSaleEvent({ gaCapacity: 5 });
    const fan = await createUserWithToken("FAN");
    const { orderId } = await buy(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 3 });
    expect((await orderState(orderId)).tickets).toHaveLength(3);
    expect(
      await db.ticketType.findUniqueOrThrow({ where: { id: event.ga.id }, select: { sold: true, held: true } }),
    ).toEqual({
      sold: 3,
      held: 0,
    });
  });

  it("keeps orders private to their buyer and the event's organizer", async () => {
    const event = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const stranger = await createUserWithToken("FAN");
    const { orderId } = await buy(fan.token, event.event.id, { seatIds: [event.seats[0]!.id] });
    expect((await call(orderRoute, { headers: bearer(stranger.token), params: { orderId } })).status).toBe(404);
    const asOrganizer = await call(orderRoute, { headers: bearer(event.organizerToken), params: { orderId } });
    expect(asOrganizer.status).toBe(200);
    expect(asOrganizer.json.payments.every((p: object) => !("checkoutUrl" in p))).toBe(true);
  });

  it("refuses a second fan the same seats with 409 naming them, and enforces the per-fan limit", async () => {
    const event = await createSaleEvent({ perOrderLimit: 3 });
    const first = await createUserWithToken("FAN");
    const second = await createUserWithToken("FAN");
    const [s1, s2, s3, s4] = event.seats.map((s) => s.id);
    expect((await holdTickets(first.token, event.event.id, { seatIds: [s1, s2] })).status).toBe(201);
    const clash = await holdTickets(second.token, event.event.id, { seatIds: [s2, s3] });
    expect(clash.status).toBe(409);
    expect(clash.json.error).toMatchObject({ code: "SEAT_UNAVAILABLE", details: { unavailableSeatIds: [s2] } });

    const overLimit = await holdTickets(first.token, event.event.id, { seatIds: [s3, s4] });
    expect(overLimit.status).toBe(409);
    expect(overLimit.json.error.code).toBe("LIMIT_EXCEEDED");
    expect((await holdTickets(first.token, event.event.id, { seatIds: [s3] })).status).toBe(201);
  });

  it("validates hold requests and refuses events not on sale", async () => {
    const event = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    for (const body of [
      {},
      { seatIds: [] },
      { seatIds: ["x", "x"] },
      { ticketTypeId: event.ga.id, quantity: 0 },
      { seatIds: ["a"], extra: 1 },
    ]) {
      expect((await holdTickets(fan.token, event.event.id, body)).status).toBe(400);
    }
    expect((await holdTickets(fan.token, event.event.id, { seatIds: ["not-a-seat"] })).status).toBe(400);
    await db.event.update({ where: { id: event.event.id }, data: { onSaleAt: new Date(Date.now() + 3_600_000) } });
    const early = await holdTickets(fan.token, event.event.id, { seatIds: [event.seats[0]!.id] });
    expect(early.json.error.code).toBe("EVENT_NOT_ON_SALE");
    expect(await db.hold.count({ where: { eventId: event.event.id } })).toBe(0);
  });

  it("picks the best adjacent seats for a best-available request", async () => {
    const event = await createSaleEvent({ seatCount: 10 });
    const fan = await createUserWithToken("FAN");
    const hold = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.reserved.id, quantity: 3 });
    expect(hold.status).toBe(201);
    const numbers = hold.json.items
      .map((i: { seat: { number: string } }) => Number(i.seat.number))
      .sort((a: number, b: number) => a - b);
    expect(numbers[2] - numbers[0]).toBe(2);
  });

  it("releases a hold early and cancels its open order", async () => {
    const event = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const other = await createUserWithToken("FAN");
    const seatIds = [event.seats[0]!.id];
    const hold = await holdTickets(fan.token, event.event.id, { seatIds });
    const started = await checkout(fan.token, hold.json.holdId);
    expect(
      (
        await call(releaseRoute, {
          method: "DELETE",
          headers: bearer(other.token),
          params: { holdId: hold.json.holdId },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(releaseRoute, { method: "DELETE", headers: bearer(fan.token), params: { holdId: hold.json.holdId } }))
        .status,
    ).toBe(204);
    expect((await orderState(started.json.orderId)).status).toBe("CANCELLED");
    expect((await holdTickets(other.token, event.event.id, { seatIds })).status).toBe(201);
    // The payment page was closed with the order: paying now is refused.
    expect((await pay(sessionIdOf(started.json.checkoutUrl))).status).toBe(409);
  });

  it("leaves the seats held after a declined card so the fan can retry, and expires the order on cancel", async () => {
    const event = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const other = await createUserWithToken("FAN");
    const seatIds = [event.seats[0]!.id];
    const hold = await holdTickets(fan.token, event.event.id, { seatIds });
    const started = await checkout(fan.token, hold.json.holdId);
    const sessionId = sessionIdOf(started.json.checkoutUrl);

    const declined = await pay(sessionId, "4000 0000 0000 0002");
    expect(declined.status).toBe(402);
    const afterDecline = await orderState(started.json.orderId);
    expect(afterDecline.status).toBe("PENDING");
    expect(afterDecline.payments[0]?.failureMessage).toBe("Your card was declined.");
    expect((await holdTickets(other.token, event.event.id, { seatIds })).status).toBe(409);

    expect((await cancel(sessionId)).status).toBe(200);
    expect((await orderState(started.json.orderId)).status).toBe("EXPIRED");
    expect((await holdTickets(other.token, event.event.id, { seatIds })).status).toBe(201);
  });
});
