import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { services } from "@/lib/services";
import { reclaimLapsedHolds } from "@/lib/inventory/postgres-hold-store";
import { expireLapsedCheckouts } from "@/lib/orders/sweeps";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { checkout, holdTickets, orderState } from "../support/purchase";

describe("worker sweeps", () => {
  it("closes the payment page of an order whose hold lapsed, which expires the order", async () => {
    const event = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const hold = await holdTickets(fan.token, event.event.id, { seatIds: [event.seats[0]!.id] });
    const started = await checkout(fan.token, hold.json.holdId);
    const past = new Date(Date.now() - 1_000);
    await db.hold.update({ where: { id: hold.json.holdId }, data: { expiresAt: past } });

    const { expired } = await expireLapsedCheckouts(db, services().gateway);
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
