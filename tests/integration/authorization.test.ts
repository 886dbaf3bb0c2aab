import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as organizerEvents } from "@/app/api/v1/organizer/events/route";
import { db } from "@/lib/db";
import { bearer, call } from "../support/http";
import { createOrganizationWithEvents, createUserWithToken } from "../support/factories";

describe("role checks on /api/v1", () => {
  it("answers 401 without credentials and 403 to a fan on an organizer-only route", async () => {
    const anonymous = await call(organizerEvents);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe("UNAUTHENTICATED");

    const { token } = await createUserWithToken("FAN");
    const fan = await call(organizerEvents, { headers: bearer(token) });
    expect(fan.status).toBe(403);
    expect(fan.json).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String), details: expect.anything() } });
  });

  it("shows an organizer only the events of their own organizations; an admin sees every organization", async () => {
    const mine = await createUserWithToken("ORGANIZER");
    const theirs = await createUserWithToken("ORGANIZER");
    const { events: myEvents } = await createOrganizationWithEvents(mine.user.id, 2);
    const { events: theirEvents } = await createOrganizationWithEvents(theirs.user.id, 1);

    const response = await call(organizerEvents, { headers: bearer(mine.token) });
    expect(response.status).toBe(200);
    const ids = response.json.items.map((e: { id: string }) => e.id).sort();
    expect(ids).toEqual(myEvents.map((e) => e.id).sort());

    const admin = await createUserWithToken("ADMIN");
    const all = await call(organizerEvents, { headers: bearer(admin.token), path: "/?limit=200" });
    expect(all.status).toBe(200);
    expect(all.json.items.length).toBeGreaterThanOrEqual(3);
    expect(theirEvents).toHaveLength(1);
  });

  it("validates the query string", async () => {
    const { token } = await createUserWithToken("ORGANIZER");
    for (const path of ["/?limit=abc", "/?limit=0", "/?limit=5&unknown=1"]) {
      const response = await call(organizerEvents, { headers: bearer(token), path });
      expect(response.status).toBe(400);
      expect(response.json.error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("accepts the next-auth session cookie as well as bearer tokens, and re-reads the role each time", async () => {
    const { user } = await createUserWithToken("FAN");
    const cookie = await encode({
      token: { sub: user.id, email: user.email },
      secret: process.env.AUTH_SECRET!,
      salt: "authjs.session-token",
    });
    const headers = { cookie: `authjs.session-token=${cookie}` };
    const response = await call(me, { headers });
    expect(response.status).toBe(200);
    expect(response.json.user.id).toBe(user.id);

    expect((await call(organizerEvents, { headers })).status).toBe(403);
    await db.user.update({ where: { id: user.id }, data: { role: "ORGANIZER" } });
    expect((await call(organizerEvents, { headers })).status).toBe(200);

    const forged = await call(me, { headers: { cookie: `authjs.session-token=${cookie.slice(0, -4)}abcd` } });
    expect(forged.status).toBe(401);
  });
});
