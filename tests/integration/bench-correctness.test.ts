import { inject, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { postgresHoldStore } from "@/lib/inventory/postgres-hold-store";
import { databaseChecks, holdsNotHeldByStore } from "@/scripts/bench/harness/correctness";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent, takeHold } from "../support/inventory-fixtures";
import { buy } from "../support/purchase";

// The checks `npm run bench` runs after its load, narrowed to this file's own events.
describe("npm run bench: correctness checks", () => {
  const url = () => inject("databaseUrl");

  it("finds nothing wrong after a real sale, and sees a ticket on an unsold seat and a paid order that is not paid", async () => {
    const event = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const seatId = event.seats[0]!.id;
    const { orderId } = await buy(fan.token, event.event.id, { seatIds: [seatId] });
    const ids = [event.event.id];
    expect(await databaseChecks(url(), ids)).toEqual({
      doubleSoldSeats: 0,
      ticketsOnUnsoldSeats: 0,
      typesOverCapacity: 0,
      paidSessions: 0,
      succeededPayments: 0,
    });

    // The schema itself refuses two live tickets for one seat and sales beyond capacity, so those two checks can
    // only be shown to run; the others are broken on purpose.
    await db.seat.update({ where: { id: seatId }, data: { status: "AVAILABLE" } });
    await db.order.update({ where: { id: orderId }, data: { status: "EXPIRED" } });
    expect(await databaseChecks(url(), ids)).toEqual({
      doubleSoldSeats: 0,
      ticketsOnUnsoldSeats: 1,
      typesOverCapacity: 0,
      paidSessions: 1,
      succeededPayments: 1,
    });
  });

  it("asks the hold store whether each live hold's seats are really held", async () => {
    const event = await createSaleEvent();
    const [s1, s2] = event.seats.map((s) => s.id);
    const hold = await takeHold(postgresHoldStore, event, { seatIds: [s1!, s2!] });
    expect(await holdsNotHeldByStore(db, postgresHoldStore, { eventIds: [event.event.id] })).toBe(0);
    await db.seat.update({ where: { id: s2! }, data: { holdId: null, holdExpiresAt: null } });
    expect(await holdsNotHeldByStore(db, postgresHoldStore, { eventIds: [event.event.id] })).toBe(1);
    // Holds made before `since` (under another store, in the bench) are not this store's to answer for.
    const later = new Date(Date.now() + 60_000);
    expect(await holdsNotHeldByStore(db, postgresHoldStore, { eventIds: [event.event.id], since: later })).toBe(0);
    expect(hold.holdId).toBeTruthy();
  });
});
