import { describe, expect, it } from "vitest";
import { POST as holdRoute } from "@/app/api/v1/events/[eventId]/holds/route";
import { DELETE as releaseRoute } from "@/app/api/v1/holds/[holdId]/route";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { ADMISSION_WINDOW_MS, joinQueue, queueStatus } from "@/lib/queue/waiting-room";
import { signAdmissionToken } from "@/lib/queue/tokens";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { bearer, call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";

async function queuedSaleEvent() {
  const event = await createSaleEvent({ seatCount: 6 });
  await db.event.update({ where: { id: event.event.id }, data: { queueEnabled: true } });
  return event;
}

/** A fan who joined the event's queue and was admitted now (or at `admittedAt`); with their token, if live. */
async function admittedFan(eventId: string, admittedAt = new Date()) {
  const fan = await createUserWithToken("FAN");
  await joinQueue(services(), { eventId, userId: fan.user.id });
  await services().queue.admit(eventId, { count: 100, now: admittedAt, windowMs: ADMISSION_WINDOW_MS });
  const view = await queueStatus(services(), { eventId, userId: fan.user.id });
  return { ...fan, view, admission: view.admissionToken ?? "" };
}

const hold = (token: string, eventId: string, seatIds: string[], admission?: Record<string, string>) =>
  call(holdRoute, {
    method: "POST",
    headers: { ...bearer(token), ...admission },
    params: { eventId },
    body: { seatIds },
  });

describe("holds for an event with a waiting room", () => {
  it("are refused without an admission token, pointing the fan to the queue", async () => {
    const event = await queuedSaleEvent();
    const fan = await createUserWithToken("FAN");
    const refused = await hold(fan.token, event.event.id, [event.seats[0]!.id]);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({
      code: "QUEUE_REQUIRED",
      details: { reason: "missing", queueUrl: `/events/${event.event.slug}/queue` },
    });
    expect(await db.hold.count({ where: { userId: fan.user.id } })).toBe(0);
  });

  it("take an admitted fan's token once: a replay is refused", async () => {
    const event = await queuedSaleEvent();
    const fan = await admittedFan(event.event.id);
    expect(fan.view.status).toBe("ADMITTED");
    const header = { "x-admission-token": fan.admission };
    expect((await hold(fan.token, event.event.id, [event.seats[0]!.id], header)).status).toBe(201);
    const replay = await hold(fan.token, event.event.id, [event.seats[1]!.id], header);
    expect(replay.status).toBe(403);
    expect(replay.json.error.details.reason).toBe("spent");
    // The spent turn still reads as admitted, without a token to spend again.
    const after = await queueStatus(services(), { eventId: event.event.id, userId: fan.user.id });
    expect(after).toMatchObject({ status: "ADMITTED" });
    expect(after.admissionToken).toBeUndefined();
  });

  it("give the turn back when the fan lets go of the hold to pick again within the window", async () => {
    const event = await queuedSaleEvent();
    const fan = await admittedFan(event.event.id);
    const header = { "x-admission-token": fan.admission };
    const first = await hold(fan.token, event.event.id, [event.seats[0]!.id], header);
    expect(first.status).toBe(201);
    const released = await call(releaseRoute, {
      method: "DELETE",
      headers: bearer(fan.token),
      params: { holdId: first.json.holdId },
    });
    expect(released.status).toBe(204);
    expect(await queueStatus(services(), { eventId: event.event.id, userId: fan.user.id })).toMatchObject({
      status: "ADMITTED",
      admissionToken: expect.any(String),
    });
    expect((await hold(fan.token, event.event.id, [event.seats[1]!.id], header)).status).toBe(201);
    expect((await hold(fan.token, event.event.id, [event.seats[2]!.id], header)).status).toBe(403);
  });

  it("let exactly one of two holds racing with one token through", async () => {
    const event = await queuedSaleEvent();
    const fan = await admittedFan(event.event.id);
    const header = { "x-admission-token": fan.admission };
    const results = await Promise.all([
      hold(fan.token, event.event.id, [event.seats[0]!.id], header),
      hold(fan.token, event.event.id, [event.seats[1]!.id], header),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 403]);
  });

  it("refuse another fan's token, another event's token, a forged one and an expired one", async () => {
    const event = await queuedSaleEvent();
    const other = await queuedSaleEvent();
    const owner = await admittedFan(event.event.id);
    const stranger = await admittedFan(event.event.id);
    const elsewhere = await admittedFan(other.event.id);
    const seat = [event.seats[0]!.id];
    const reason = async (fanToken: string, admission: string) =>
      (await hold(fanToken, event.event.id, seat, { "x-admission-token": admission })).json.error?.details?.reason;

    expect(await reason(stranger.token, owner.admission)).toBe("other-fan");
    expect(await reason(elsewhere.token, elsewhere.admission)).toBe("other-event");
    const [payload] = owner.admission.split(".");
    expect(await reason(owner.token, `${payload}.${"A".repeat(43)}`)).toBe("forged");

    const late = await admittedFan(event.event.id, new Date(Date.now() - ADMISSION_WINDOW_MS - 1_000));
    expect(late.view.status).toBe("EXPIRED");
    const entry = await services().queue.entry(event.event.id, late.user.id, new Date());
    const lapsed = signAdmissionToken(config().AUTH_SECRET, {
      eventId: event.event.id,
      userId: late.user.id,
      admissionId: entry!.admissionId!,
      expiresAt: entry!.expiresAt!,
    });
    expect(await reason(late.token, lapsed)).toBe("expired");
    // None of them spent the owner's turn.
    expect((await hold(owner.token, event.event.id, seat, { "x-admission-token": owner.admission })).status).toBe(201);
  });

  it("give the turn back when the hold itself fails, and read the token from the browser's cookie", async () => {
    const event = await queuedSaleEvent();
    const first = await admittedFan(event.event.id);
    const second = await admittedFan(event.event.id);
    const [s1, s2] = event.seats.map((s) => s.id) as [string, string];
    expect((await hold(first.token, event.event.id, [s1], { "x-admission-token": first.admission })).status).toBe(201);
    const cookie = { cookie: `other=1; marquee-admission-${event.event.id}=${encodeURIComponent(second.admission)}` };
    expect((await hold(second.token, event.event.id, [s1], cookie)).status).toBe(409);
    expect((await hold(second.token, event.event.id, [s2], cookie)).status).toBe(201);
  });

  it("are not asked for a token while the event's waiting room is off", async () => {
    const event = await createSaleEvent({ seatCount: 2 });
    const fan = await createUserWithToken("FAN");
    expect((await hold(fan.token, event.event.id, [event.seats[0]!.id])).status).toBe(201);
  });
});
