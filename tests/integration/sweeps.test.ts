import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { services } from "@/lib/services";
import { reclaimLapsedHolds } from "@/lib/inventory/postgres-hold-store";
import { expireLapsedCheckouts } from "@/lib/orders/sweeps";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { checkout, holdTickets, orderState } from "../support/purchase";

async function lapsedCheckout() {
  const event = await createSaleEvent();
  const fan = await createUserWithToken("FAN");
  const hold = await holdTickets(fan.token, event.event.id, { seatIds: [event.seats[0]!.id] });
  const started = await checkout(fan.token, hold.json.holdId);
  await db.hold.update({ where: { id: hold.json.holdId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
  const session = await db.simulatorSession.findFirstOrThrow({ where: { orderId: started.json.orderId } });
  return { orderId: started.json.orderId as string, sessionId: session.id };
}

describe("worker sweeps", () => {
  it("closes every lapsed checkout even when one of them cannot be closed, and settles ones already expired", async () => {
    const broken = await lapsedCheckout();
    const fine = await lapsedCheckout();
    const alreadyExpired = await lapsedCheckout();
    // The provider expired this one, but its webhook never arrived.
    await db.simulatorSession.update({ where: { id: alreadyExpired.sessionId }, data: { status: "expired" } });

    const real = services().gateway;
    const expireCalls: string[] = [];
    const gateway = {
      ...real,
      async expireCheckoutSession(sessionId: string) {
        expireCalls.push(sessionId);
        if (sessionId === broken.sessionId) throw new Error("provider timed out");
        return real.expireCheckoutSession(sessionId);
      },
    };
    const result = await expireLapsedCheckouts({ ...services(), gateway });
    expect(result.failed).toBeGreaterThanOrEqual(1);
    expect((await orderState(fine.orderId)).status).toBe("EXPIRED");
    expect((await orderState(alreadyExpired.orderId)).status).toBe("EXPIRED");
    expect(expireCalls).not.toContain(alreadyExpired.sessionId);
    // The one that failed is still open and is tried again by the next sweep.
    expect((await orderState(broken.orderId)).status).toBe("PENDING");
    await expireLapsedCheckouts(services());
    expect((await orderState(broken.orderId)).status).toBe("EXPIRED");
  });

  it("closes the payment page of an order whose hold lapsed, which expires the order", async () => {
    const event = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const hold = await holdTickets(fan.token, event.event.id, { seatIds: [event.seats[0]!.id] });
    const started = await checkout(fan.token, hold.json.holdId);
    const past = new Date(Date.now() - 1_000);
    await db.hold.update({ where: { id: hold.json.holdId }, data: { expiresAt: past } });

    const { expired } = await expireLapsedCheckouts(services());
    expect(expired).toBeGreaterThanOrEqual(1);
    const order = await orderState(started.json.orderId);
    expect(order.status).toBe("EXPIRED");
    expect(order.payments[0]?.status).toBe("CANCELLED");
    const session = await db.simulatorSession.findFirstOrThrow({ where: { orderId: started.json.orderId } });
    expect(session.status).toBe("expired");
  });

  it("marks lapsed holds expired and gives their general-admission tickets back", async () => {
    const event = await createSaleEvent({ gaCapacity: 4 });
    const fan = await createUserWithToken("FAN");
    const hold = await holdTickets(fan.token, event.event.id, { ticketTypeId: event.ga.id, quantity: 3 });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: event.ga.id } })).held).toBe(3);
    await db.hold.update({ where: { id: hold.json.holdId }, data: { expiresAt: new Date(Date.now() - 1_000) } });

    const reclaimed = await reclaimLapsedHolds(db, {
      eventId: event.event.id,
      now: new Date(),
      givesBackHeld: services().holds.countsHeldInDatabase,
    });
    expect(reclaimed).toBe(1);
    expect((await db.hold.findUniqueOrThrow({ where: { id: hold.json.holdId } })).status).toBe("EXPIRED");
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: event.ga.id } })).held).toBe(0);
    // Running it again changes nothing.
    expect(await reclaimLapsedHolds(db, { eventId: event.event.id, now: new Date(), givesBackHeld: true })).toBe(0);
  });
});
