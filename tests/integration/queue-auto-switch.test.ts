import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { switchOnWaitingRoomUnderLoad } from "@/lib/events/waiting-room-switch";
import { holdTickets } from "@/lib/orders/holds";
import { arrivalMeter } from "@/lib/queue/arrival-meter";
import { services } from "@/lib/services";
import { createFans } from "../support/queue-fixtures";
import { createSaleEvent } from "../support/inventory-fixtures";

describe("the waiting room switching itself on in a rush", () => {
  it("comes on at the hold that passes the rate; holds after it need a turn", async () => {
    const sale = await createSaleEvent({ seatCount: 8 });
    const eventId = sale.event.id;
    // Half an attempt a second over the meter's ten: the sixth attempt in a burst passes it.
    const deps = { ...services(), arrivals: arrivalMeter({ perSecondLimit: 0.5 }) };
    const fans = await createFans(7);
    for (const [i, fan] of fans.slice(0, 6).entries()) {
      await holdTickets(deps, { userId: fan, eventId, input: { seatIds: [sale.seats[i]!.id] } });
    }
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
    expect(event.queueEnabled).toBe(true);
    await expect(
      holdTickets(deps, { userId: fans[6]!, eventId, input: { seatIds: [sale.seats[6]!.id] } }),
    ).rejects.toMatchObject({ code: "QUEUE_REQUIRED" });

    const entries = await db.auditLog.findMany({ where: { entityId: eventId, action: "event.queue-changed" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, organizationId: event.organizationId });
    expect(entries[0]!.data).toMatchObject({
      before: { queueEnabled: false },
      after: { queueEnabled: true },
      automatic: true,
      arrivalsPerSecond: 0.6,
    });
  });

  it("stays quiet under the rate", async () => {
    const sale = await createSaleEvent({ seatCount: 4 });
    const deps = { ...services(), arrivals: arrivalMeter({ perSecondLimit: 1 }) };
    const fans = await createFans(4);
    for (const [i, fan] of fans.entries()) {
      await holdTickets(deps, { userId: fan, eventId: sale.event.id, input: { seatIds: [sale.seats[i]!.id] } });
    }
    expect((await db.event.findUniqueOrThrow({ where: { id: sale.event.id } })).queueEnabled).toBe(false);
  });

  it("switches once however many instances notice, and leaves drafts alone", async () => {
    const sale = await createSaleEvent({ seatCount: 1 });
    const now = new Date();
    const switches = await Promise.all(
      Array.from({ length: 5 }, () =>
        switchOnWaitingRoomUnderLoad(db, { eventId: sale.event.id, arrivalsPerSecond: 40, now }),
      ),
    );
    expect(switches.filter(Boolean)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: sale.event.id, action: "event.queue-changed" } })).toBe(1);

    const draft = await createSaleEvent({ seatCount: 1 });
    await db.event.update({ where: { id: draft.event.id }, data: { status: "DRAFT" } });
    expect(await switchOnWaitingRoomUnderLoad(db, { eventId: draft.event.id, arrivalsPerSecond: 40, now })).toBe(false);
    expect((await db.event.findUniqueOrThrow({ where: { id: draft.event.id } })).queueEnabled).toBe(false);
  });
});
