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

  it("refuses a session cookie that signed in before the account's password changed; says who has a dashboard", async () => {
    const { user } = await createUserWithToken("FAN");
    const cookieFor = async (signedInAt: number) =>
      `authjs.session-token=${await encode({
        token: { sub: user.id, email: user.email, signedInAt },
        secret: process.env.AUTH_SECRET!,
        salt: "authjs.session-token",
      })}`;
    const now = Math.floor(Date.now() / 1000);
    const before = await call(me, { headers: { cookie: await cookieFor(now - 60) } });
    expect(before.json.user.dashboard).toBe(false);

    await db.user.update({ where: { id: user.id }, data: { sessionsValidFrom: new Date(now * 1000) } });
    expect((await call(me, { headers: { cookie: await cookieFor(now - 60) } })).status).toBe(401);
    expect((await call(me, { headers: { cookie: await cookieFor(now) } })).status).toBe(200);

    // Check-in staff are neither organizers nor admins, and still have a dashboard.
    const { user: owner } = await createUserWithToken("ORGANIZER");
    const { organization } = await createOrganizationWithEvents(owner.id, 0);
    await db.membership.create({ data: { userId: user.id, organizationId: organization.id, role: "CHECK_IN" } });
    expect((await call(me, { headers: { cookie: await cookieFor(now) } })).json.user.dashboard).toBe(true);
  });
});
