import { describe, expect, it } from "vitest";
import { DELETE } from "@/app/api/v1/auth/tokens/[tokenId]/route";
import { GET as listTokens, POST as issueToken } from "@/app/api/v1/auth/tokens/route";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as signUp } from "@/app/api/v1/users/route";
import { db } from "@/lib/db";
import { bearer, call } from "../support/http";
import { uniqueEmail } from "../support/factories";

describe("API tokens", () => {
  it("are issued for credentials, shown once, stored hashed, used, listed and revoked", async () => {
    const email = uniqueEmail("token");
    const password = "a-long-password";
    expect((await call(signUp, { method: "POST", body: { email, password, name: "Tia" } })).status).toBe(201);

    const issued = await call(issueToken, { method: "POST", body: { email, password, name: "CLI" } });
    expect(issued.status).toBe(201);
    const { token, id } = issued.json;
    expect(token).toMatch(/^mq_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const whoami = await call(me, { headers: bearer(token) });
    expect(whoami.status).toBe(200);
    expect(whoami.json.user).toMatchObject({ email, role: "FAN" });

    const list = await call(listTokens, { headers: bearer(token) });
    expect(list.json.items).toEqual([expect.objectContaining({ id, name: "CLI", prefix: token.slice(0, 10) })]);
    expect(JSON.stringify(list.json)).not.toContain(token);

    expect((await call(DELETE, { method: "DELETE", headers: bearer(token), params: { tokenId: id } })).status).toBe(
      204,
    );
    const after = await call(me, { headers: bearer(token) });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses wrong passwords and unknown e-mails alike, with 401", async () => {
    const email = uniqueEmail("token-wrong");
    await call(signUp, { method: "POST", body: { email, password: "a-long-password", name: "Wes" } });
    const wrongPassword = await call(issueToken, { method: "POST", body: { email, password: "not-the-password" } });
    const unknownEmail = await call(issueToken, {
      method: "POST",
      body: { email: uniqueEmail("nobody"), password: "x" },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.json.error.message).toBe(unknownEmail.json.error.message);
  });

  it("ignores garbage bearer tokens and another user's token ids", async () => {
    expect((await call(me, { headers: bearer("mq_not-a-real-token") })).status).toBe(401);
    expect((await call(me, { headers: { authorization: "Basic abc" } })).status).toBe(401);

    const a = uniqueEmail("a");
    const b = uniqueEmail("b");
    for (const email of [a, b])
      await call(signUp, { method: "POST", body: { email, password: "a-long-password", name: "X" } });
    const tokenA = (await call(issueToken, { method: "POST", body: { email: a, password: "a-long-password" } })).json;
    const tokenB = (await call(issueToken, { method: "POST", body: { email: b, password: "a-long-password" } })).json;
    const revoke = await call(DELETE, {
      method: "DELETE",
      headers: bearer(tokenB.token),
      params: { tokenId: tokenA.id },
    });
    expect(revoke.status).toBe(404);
    expect((await call(me, { headers: bearer(tokenA.token) })).status).toBe(200);
  });
});
