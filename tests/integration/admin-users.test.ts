import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as issueToken } from "@/app/api/v1/auth/tokens/route";
import { GET as me } from "@/app/api/v1/me/route";
import { listAuditEntries } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { changeUserRole, searchUsers, setUserDisabled } from "@/lib/auth/user-admin";
import { db } from "@/lib/db";
import { callbackSignIn } from "../support/auth-callback";
import { createUserWithToken, TEST_PASSWORD } from "../support/factories";
import { bearer, call } from "../support/http";

const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function adminActor(): Promise<Actor> {
  const { user } = await createUserWithToken("ADMIN");
  return { userId: user.id, email: user.email, name: user.name, role: "ADMIN", via: "session" };
}

describe("disabling an account", () => {
  it("refuses sign-in, the sessions and the API tokens it already has at once, and enabling restores them", async () => {
    const admin = await adminActor();
    const { user, token } = await createUserWithToken("FAN");
    const signedIn = await callbackSignIn(user.email, TEST_PASSWORD, randomIp());
    expect(signedIn.session).toBe(true);
    const cookie = { cookie: signedIn.sessionCookie! };
    expect((await call(me, { headers: cookie })).status).toBe(200);
    expect((await call(me, { headers: bearer(token) })).status).toBe(200);

    await setUserDisabled(db, admin, { userId: user.id, disabled: true });

    // The session cookie and the token were issued before: both stop working on their next request.
    expect((await call(me, { headers: cookie })).status).toBe(401);
    expect((await call(me, { headers: bearer(token) })).status).toBe(401);
    // And no new way in: neither the sign-in form's callback nor the token exchange, with the right password.
    expect((await callbackSignIn(user.email, TEST_PASSWORD, randomIp())).session).toBe(false);
    const exchange = await call(issueToken, {
      method: "POST",
      body: { email: user.email, password: TEST_PASSWORD },
      headers: { "x-forwarded-for": randomIp() },
    });
    expect(exchange.status).toBe(401);

    await setUserDisabled(db, admin, { userId: user.id, disabled: false });
    expect((await call(me, { headers: cookie })).status).toBe(200);
    expect((await call(me, { headers: bearer(token) })).status).toBe(200);
    expect((await callbackSignIn(user.email, TEST_PASSWORD, randomIp())).session).toBe(true);

    const audit = await listAuditEntries(db, { entityType: "user", entityId: user.id }, { limit: 10 });
    expect(audit.entries.map((e) => [e.action, e.actor?.id, e.organizationId])).toEqual([
      ["user.enabled", admin.userId, null],
      ["user.disabled", admin.userId, null],
    ]);
  });

  it("refuses an admin disabling or demoting themselves, and changes nothing", async () => {
    const admin = await adminActor();
    await expect(setUserDisabled(db, admin, { userId: admin.userId, disabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(changeUserRole(db, admin, { userId: admin.userId, role: "FAN" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: admin.userId } });
    expect(after).toMatchObject({ role: "ADMIN", disabledAt: null });
    expect((await listAuditEntries(db, { entityId: admin.userId }, { limit: 10 })).entries).toEqual([]);
  });

  it("answers NOT_FOUND for an account that does not exist", async () => {
    const admin = await adminActor();
    await expect(setUserDisabled(db, admin, { userId: "no-such-user", disabled: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("changing a role", () => {
  it("applies to the user's token at once and is recorded with before and after", async () => {
    const admin = await adminActor();
    const { user, token } = await createUserWithToken("FAN");
    expect((await call(me, { headers: bearer(token) })).json.user.role).toBe("FAN");
    await changeUserRole(db, admin, { userId: user.id, role: "ORGANIZER" });
    expect((await call(me, { headers: bearer(token) })).json.user.role).toBe("ORGANIZER");
    const [entry] = (await listAuditEntries(db, { entityId: user.id, actionPrefix: "user." }, { limit: 1 })).entries;
    expect(entry).toMatchObject({
      action: "user.role_changed",
      organizationId: null,
      data: { before: { role: "FAN" }, after: { role: "ORGANIZER" } },
    });
  });
});

describe("searching users", () => {
  it("finds by e-mail or name in any case, newest first, and pages both ways without gaps or repeats", async () => {
    const tag = `Findme${randomInt(1e9)}`;
    const made = [];
    for (let i = 0; i < 5; i++) {
      const { user } = await createUserWithToken("FAN");
      made.push((await db.user.update({ where: { id: user.id }, data: { name: `${tag} ${i}` } })).id);
    }
    const newestFirst = [...made].reverse();
    const first = await searchUsers(db, { query: tag.toLowerCase(), page: { limit: 2 } });
    expect(first.items.map((u) => u.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.newer).toBeNull();
    const second = await searchUsers(db, { query: tag, page: { limit: 2, after: first.older } });
    expect(second.items.map((u) => u.id)).toEqual(newestFirst.slice(2, 4));
    const third = await searchUsers(db, { query: tag, page: { limit: 2, after: second.older } });
    expect(third.items.map((u) => u.id)).toEqual(newestFirst.slice(4));
    expect(third.older).toBeNull();
    const back = await searchUsers(db, { query: tag, page: { limit: 2, before: third.newer } });
    expect(back.items.map((u) => u.id)).toEqual(newestFirst.slice(2, 4));
    const front = await searchUsers(db, { query: tag, page: { limit: 2, before: back.newer } });
    expect(front.items.map((u) => u.id)).toEqual(newestFirst.slice(0, 2));
    expect(front.newer).toBeNull();

    const byEmail = await db.user.findUniqueOrThrow({ where: { id: made[0]! } });
    expect((await searchUsers(db, { query: byEmail.email.toUpperCase(), page: { limit: 5 } })).items).toHaveLength(1);
  });
});
