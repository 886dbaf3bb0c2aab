import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { DELETE as revokeToken } from "@/app/api/v1/auth/tokens/[tokenId]/route";
import { POST as holdRoute } from "@/app/api/v1/events/[eventId]/holds/route";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as webhook } from "@/app/api/webhooks/stripe/route";
import { db } from "@/lib/db";
import { SIMULATOR_WEBHOOK_SECRET, signWebhookPayload } from "@/lib/payments/signing";
import { createUserWithToken } from "../support/factories";
import { bearer, call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";

// The tests' APP_URL (tests/support/setup-env.ts).
const APP_ORIGIN = "http://localhost:3000";

async function signedInFan() {
  const { user, token } = await createUserWithToken("FAN");
  const session = await encode({
    token: { sub: user.id, email: user.email },
    secret: process.env.AUTH_SECRET!,
    salt: "authjs.session-token",
  });
  return { user, token, cookie: { cookie: `authjs.session-token=${session}` } };
}

async function holdAttempt(headers: Record<string, string>) {
  const event = await createSaleEvent({ seatCount: 1 });
  return call(holdRoute, {
    method: "POST",
    headers,
    params: { eventId: event.event.id },
    body: { seatIds: [event.seats[0]!.id] },
  });
}

describe("Origin check on cookie-authenticated writes", () => {
  it("refuses a cross-site, origin-less or opaque-origin write made with the session cookie, changing nothing", async () => {
    const fan = await signedInFan();
    for (const origin of ["https://evil.example", null, "null", "not a url"]) {
      const response = await holdAttempt({ ...fan.cookie, ...(origin === null ? {} : { origin }) });
      expect(response.status, String(origin)).toBe(403);
      expect(response.json).toEqual({
        error: { code: "FORBIDDEN", message: expect.any(String), details: { reason: "origin" } },
      });
    }
    expect(await db.hold.count({ where: { userId: fan.user.id } })).toBe(0);
  });

  it("lets the app's own pages write: APP_URL's origin, or the host the request was sent to", async () => {
    const fan = await signedInFan();
    expect((await holdAttempt({ ...fan.cookie, origin: APP_ORIGIN })).status).toBe(201);
    expect(
      (await holdAttempt({ ...fan.cookie, origin: "http://tickets.internal:8080", host: "tickets.internal:8080" }))
        .status,
    ).toBe(201);
    expect(
      (
        await holdAttempt({
          ...fan.cookie,
          origin: "https://tickets.example.com",
          host: "10.0.0.7:3000",
          "x-forwarded-host": "tickets.example.com",
        })
      ).status,
    ).toBe(201);
    // A look-alike host is another site.
    expect((await holdAttempt({ ...fan.cookie, origin: "http://localhost:3000.evil.example" })).status).toBe(403);
  });

  it("guards DELETE too: a cross-site request cannot revoke the fan's API token", async () => {
    const fan = await signedInFan();
    const tokenId = (await db.apiToken.findFirstOrThrow({ where: { userId: fan.user.id } })).id;
    const params = { tokenId };
    const forged = await call(revokeToken, {
      method: "DELETE",
      params,
      headers: { ...fan.cookie, origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    expect(await db.apiToken.count({ where: { id: tokenId, revokedAt: null } })).toBe(1);
    const own = await call(revokeToken, { method: "DELETE", params, headers: { ...fan.cookie, origin: APP_ORIGIN } });
    expect(own.status).toBe(204);
  });

  it("does not check reads, bearer-token callers or the public webhook", async () => {
    const fan = await signedInFan();
    expect((await call(me, { headers: { ...fan.cookie, origin: "https://evil.example" } })).status).toBe(200);
    expect((await holdAttempt({ ...bearer(fan.token), origin: "https://evil.example" })).status).toBe(201);
    expect((await holdAttempt(bearer(fan.token))).status).toBe(201);

    const payload = JSON.stringify({
      id: `evt_${randomUUID()}`,
      object: "event",
      type: "customer.created",
      data: { object: {} },
    });
    const delivered = await call(webhook, {
      method: "POST",
      body: payload,
      headers: {
        "stripe-signature": signWebhookPayload(payload, SIMULATOR_WEBHOOK_SECRET),
        origin: "https://stripe.example",
      },
    });
    expect(delivered.status).toBe(200);
  });
});
