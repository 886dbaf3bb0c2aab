import { describe, expect, it } from "vitest";
import { POST as holdRoute } from "@/app/api/v1/events/[eventId]/holds/route";
import { GET as statusRoute, POST as joinRoute } from "@/app/api/v1/events/[eventId]/queue/route";
import { GET as streamRoute } from "@/app/api/v1/events/[eventId]/queue/stream/route";
import { db } from "@/lib/db";
import { ADMISSION_WINDOW_MS } from "@/lib/queue/waiting-room";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { bearer, call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";

async function queuedSaleEvent() {
  const event = await createSaleEvent({ seatCount: 4 });
  await db.event.update({ where: { id: event.event.id }, data: { queueEnabled: true } });
  return event;
}

const join = (token: string, eventId: string) =>
  call(joinRoute, { method: "POST", headers: bearer(token), params: { eventId } });
const status = (token: string, eventId: string) => call(statusRoute, { headers: bearer(token), params: { eventId } });

describe("the queue API", () => {
  it("joins once per fan: a reload or a second tab keeps the place", async () => {
    const event = await queuedSaleEvent();
    const eventId = event.event.id;
    const [first, second] = [await createUserWithToken("FAN"), await createUserWithToken("FAN")];
    const joined = await join(first.token, eventId);
    expect(joined.status).toBe(200);
    expect(joined.json).toMatchObject({ eventId, status: "WAITING", position: 1, etaSeconds: null, lobby: false });
    expect(joined.headers.get("cache-control")).toBe("no-store");
    expect((await join(second.token, eventId)).json.position).toBe(2);
    const again = await Promise.all([join(first.token, eventId), status(first.token, eventId)]);
    expect(again.map((r) => r.json.position)).toEqual([1, 1]);
    expect((await status(second.token, eventId)).json.position).toBe(2);
    expect(await services().queue.stats(eventId, { now: new Date(), since: new Date() })).toMatchObject({ waiting: 2 });
  });

  it("answers 404 before the fan joined, 409 for an event without a waiting room, 401 signed out", async () => {
    const event = await queuedSaleEvent();
    const plain = await createSaleEvent({ seatCount: 1 });
    const fan = await createUserWithToken("FAN");
    expect((await status(fan.token, event.event.id)).status).toBe(404);
    expect((await join(fan.token, plain.event.id)).json.error.code).toBe("CONFLICT");
    expect((await join(fan.token, "no-such-event")).status).toBe(404);
    expect((await call(joinRoute, { method: "POST", params: { eventId: event.event.id } })).status).toBe(401);
  });

  it("needs a confirmed address to join, and to hold with a turn (which waits while the fan confirms it)", async () => {
    const event = await queuedSaleEvent();
    const eventId = event.event.id;
    const fan = await createUserWithToken("FAN");
    await db.user.update({ where: { id: fan.user.id }, data: { emailVerifiedAt: null } });
    const refused = await join(fan.token, eventId);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({
      code: "EMAIL_NOT_VERIFIED",
      details: { settingsUrl: "/account/settings#email" },
    });
    expect(await services().queue.stats(eventId, { now: new Date(), since: new Date() })).toMatchObject({ waiting: 0 });

    // Confirmed, in line and admitted; then the address changes (unconfirmed again) before the hold.
    await db.user.update({ where: { id: fan.user.id }, data: { emailVerifiedAt: new Date() } });
    await join(fan.token, eventId);
    await services().queue.admit(eventId, { count: 1, now: new Date(), windowMs: ADMISSION_WINDOW_MS });
    const { admissionToken } = (await status(fan.token, eventId)).json;
    await db.user.update({ where: { id: fan.user.id }, data: { emailVerifiedAt: null } });
    const hold = () =>
      call(holdRoute, {
        method: "POST",
        headers: { ...bearer(fan.token), "x-admission-token": admissionToken },
        params: { eventId },
        body: { seatIds: [event.seats[1]!.id] },
      });
    expect((await hold()).json.error.code).toBe("EMAIL_NOT_VERIFIED");
    await db.user.update({ where: { id: fan.user.id }, data: { emailVerifiedAt: new Date() } });
    expect((await hold()).status).toBe(201);
  });

  it("gives an admitted fan the token, and their browser the cookie the hold endpoint reads", async () => {
    const event = await queuedSaleEvent();
    const eventId = event.event.id;
    const fan = await createUserWithToken("FAN");
    await join(fan.token, eventId);
    await services().queue.admit(eventId, { count: 1, now: new Date(), windowMs: ADMISSION_WINDOW_MS });
    const admitted = await status(fan.token, eventId);
    expect(admitted.json).toMatchObject({ status: "ADMITTED", position: null, admissionToken: expect.any(String) });
    const cookie = admitted.headers.get("set-cookie")!;
    expect(cookie).toContain(`Path=/api/v1/events/${eventId}/holds`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toMatch(/Max-Age=(29\d|300);/);
    const held = await call(holdRoute, {
      method: "POST",
      headers: { ...bearer(fan.token), cookie: cookie.split(";")[0]! },
      params: { eventId },
      body: { seatIds: [event.seats[0]!.id] },
    });
    expect(held.status).toBe(201);
  });

  it("streams the fan's place as Server-Sent Events, and ends the stream once they are admitted", async () => {
    const event = await queuedSaleEvent();
    const eventId = event.event.id;
    const fan = await createUserWithToken("FAN");
    await join(fan.token, eventId);
    const request = (signal?: AbortSignal) =>
      streamRoute(new Request("http://localhost:3000/", { headers: bearer(fan.token), signal }), {
        params: Promise.resolve({ eventId }),
      });

    const abort = new AbortController();
    const waiting = await request(abort.signal);
    expect(waiting.headers.get("content-type")).toContain("text/event-stream");
    const reader = waiting.body!.getReader();
    let text = "";
    while (!text.includes("event: status")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/^retry: \d+\n\n/);
    while (!text.endsWith("\n\n")) text += new TextDecoder().decode((await reader.read()).value);
    const data = JSON.parse(text.split("data: ")[1]!.trim());
    expect(data).toMatchObject({ status: "WAITING", position: 1 });
    abort.abort();
    await reader.cancel();

    await services().queue.admit(eventId, { count: 1, now: new Date(), windowMs: ADMISSION_WINDOW_MS });
    const admitted = await (await request()).text();
    expect(admitted).toContain('"status":"ADMITTED"');
    // The token travels only in GET /queue's answer, with its cookie.
    expect(admitted).not.toContain("admissionToken");
  });
});
