import { describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/v1/events/[eventId]/queue/control/route";
import { db } from "@/lib/db";
import { joinQueue } from "@/lib/queue/waiting-room";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { bearer, call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";

async function queuedSaleEvent() {
  const event = await createSaleEvent({ seatCount: 2 });
  await db.event.update({ where: { id: event.event.id }, data: { queueEnabled: true } });
  return event;
}

describe("the organizer's queue control", () => {
  it("shows the room's figures and pauses, re-paces and resumes it, on the audit log", async () => {
    const event = await queuedSaleEvent();
    const eventId = event.event.id;
    const fan = await createUserWithToken("FAN");
    await joinQueue(services(), { eventId, userId: fan.user.id });
    const read = await call(GET, { headers: bearer(event.organizerToken), params: { eventId } });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      eventId,
      queueEnabled: true,
      waiting: 1,
      admitted: 0,
      paused: false,
      soldOut: false,
      ratePerMinute: null,
      defaultRatePerMinute: expect.any(Number),
    });

    const patch = (body: unknown) =>
      call(PATCH, { method: "PATCH", headers: bearer(event.organizerToken), params: { eventId }, body });
    expect((await patch({ paused: true, ratePerMinute: 120 })).json).toMatchObject({
      paused: true,
      ratePerMinute: 120,
    });
    expect((await patch({ ratePerMinute: null })).json).toMatchObject({ paused: true, ratePerMinute: null });
    expect((await patch({ paused: false })).json).toMatchObject({ paused: false });
    const entries = await db.auditLog.findMany({ where: { entityId: eventId, action: "event.queue-changed" } });
    expect(entries).toHaveLength(3);
  });

  it("refuses fans and other organizations, and empty or unknown changes", async () => {
    const event = await queuedSaleEvent();
    const other = await createSaleEvent();
    const eventId = event.event.id;
    const fan = await createUserWithToken("FAN");
    expect((await call(GET, { headers: bearer(fan.token), params: { eventId } })).status).toBe(404);
    expect((await call(GET, { headers: bearer(other.organizerToken), params: { eventId } })).status).toBe(404);
    const patch = (body: unknown) =>
      call(PATCH, { method: "PATCH", headers: bearer(event.organizerToken), params: { eventId }, body });
    expect((await patch({})).status).toBe(400);
    expect((await patch({ ratePerMinute: 0 })).status).toBe(400);
    expect((await patch({ paused: true, extra: 1 })).status).toBe(400);
  });
});
