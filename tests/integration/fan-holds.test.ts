import { describe, expect, it } from "vitest";
import { GET as holdRoute, DELETE as releaseRoute } from "@/app/api/v1/holds/[holdId]/route";
import { GET as myHoldsRoute } from "@/app/api/v1/me/holds/route";
import { db } from "@/lib/db";
import { paymentPageReturn } from "@/lib/orders/payment-return";
import { bearer, call } from "../support/http";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { buy, cancel, checkout, holdTickets, sessionIdOf } from "../support/purchase";

const myHolds = (token: string | null, query: string) =>
  call(myHoldsRoute, { path: `/api/v1/me/holds${query}`, headers: token ? bearer(token) : {} });

describe("GET /api/v1/me/holds", () => {
  it("lists the fan's live holds for the event: seats, tickets, expiry and the server's time", async () => {
    const sale = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const [s1, s2] = sale.seats.map((seat) => seat.id);
    const seats = await holdTickets(fan.token, sale.event.id, { seatIds: [s1, s2] });
    const ga = await holdTickets(fan.token, sale.event.id, { ticketTypeId: sale.ga.id, quantity: 3 });
    expect([seats.status, ga.status]).toEqual([201, 201]);

    const answer = await myHolds(fan.token, `?eventId=${sale.event.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    expect(Date.parse(answer.json.now)).not.toBeNaN();
    expect(answer.json.holds).toHaveLength(2);
    const bySeats = answer.json.holds.find((h: { holdId: string }) => h.holdId === seats.json.holdId);
    expect(bySeats).toMatchObject({
      holdId: seats.json.holdId,
      eventId: sale.event.id,
      expiresAt: seats.json.expiresAt,
      ticketCount: 2,
      totalMinor: 11_000,
    });
    expect([...bySeats.seatIds].sort()).toEqual([s1, s2].sort());
    expect(bySeats).not.toHaveProperty("userId");
    const byQuantity = answer.json.holds.find((h: { holdId: string }) => h.holdId === ga.json.holdId);
    expect(byQuantity).toMatchObject({ ticketCount: 3, seatIds: [] });
  });

  it("lists a hold's seats in seat order, whatever order they were picked in", async () => {
    const sale = await createSaleEvent({ seatCount: 10 });
    const fan = await createUserWithToken("FAN");
    const byNumber = (n: string) => sale.seats.find((seat) => seat.number === n)!.id;
    const held = await holdTickets(fan.token, sale.event.id, {
      seatIds: [byNumber("10"), byNumber("2"), byNumber("9")],
    });
    const shown = await call(holdRoute, { headers: bearer(fan.token), params: { holdId: held.json.holdId } });
    expect(shown.json.items.map((item: { seat: { number: string } }) => item.seat.number)).toEqual(["2", "9", "10"]);
  });

  it("never shows another fan's hold, nor holds of another event", async () => {
    const sale = await createSaleEvent();
    const other = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const stranger = await createUserWithToken("FAN");
    expect((await holdTickets(stranger.token, sale.event.id, { seatIds: [sale.seats[0]!.id] })).status).toBe(201);
    expect((await holdTickets(fan.token, other.event.id, { seatIds: [other.seats[0]!.id] })).status).toBe(201);

    expect((await myHolds(fan.token, `?eventId=${sale.event.id}`)).json.holds).toEqual([]);
    expect((await myHolds(stranger.token, `?eventId=${sale.event.id}`)).json.holds).toHaveLength(1);
  });

  it("leaves out holds that ran out, were released or were paid", async () => {
    const sale = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const [s1, s2, s3, s4] = sale.seats.map((seat) => seat.id);
    const lapsed = await holdTickets(fan.token, sale.event.id, { seatIds: [s1] });
    // Past its expiry but not yet swept: over all the same.
    await db.hold.update({ where: { id: lapsed.json.holdId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const released = await holdTickets(fan.token, sale.event.id, { seatIds: [s2] });
    const gone = await call(releaseRoute, {
      method: "DELETE",
      headers: bearer(fan.token),
      params: { holdId: released.json.holdId },
    });
    expect(gone.status).toBe(204);
    await buy(fan.token, sale.event.id, { seatIds: [s3] });
    const live = await holdTickets(fan.token, sale.event.id, { seatIds: [s4] });

    const holds = (await myHolds(fan.token, `?eventId=${sale.event.id}`)).json.holds;
    expect(holds.map((h: { holdId: string }) => h.holdId)).toEqual([live.json.holdId]);
  });

  it("answers 401 to a visitor who isn't signed in and 400 with the error shape to bad input", async () => {
    const fan = await createUserWithToken("FAN");
    const anonymous = await myHolds(null, "?eventId=x");
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe("UNAUTHENTICATED");
    for (const query of ["", "?eventId=", `?eventId=${"x".repeat(201)}`, "?eventId=x&userId=someone-else"]) {
      const bad = await myHolds(fan.token, query);
      expect(bad.status, query).toBe(400);
      expect(bad.json.error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.any(String) });
    }
  });
});

describe("paymentPageReturn", () => {
  it("sends a paid order's payment page to the order, and an abandoned one back to the event", async () => {
    const sale = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const { orderId } = await buy(fan.token, sale.event.id, { seatIds: [sale.seats[0]!.id] });
    expect(await paymentPageReturn(db, orderId)).toEqual({
      kind: "order",
      href: `/orders/${orderId}`,
      label: "View your order",
    });

    const hold = await holdTickets(fan.token, sale.event.id, { seatIds: [sale.seats[1]!.id] });
    const started = await checkout(fan.token, hold.json.holdId);
    await cancel(sessionIdOf(started.json.checkoutUrl));
    expect(await paymentPageReturn(db, started.json.orderId)).toEqual({
      kind: "event",
      href: `/events/${sale.event.slug}`,
      label: `Back to ${sale.event.title}`,
    });
    expect(await paymentPageReturn(db, "no-such-order")).toBeNull();
  });
});
