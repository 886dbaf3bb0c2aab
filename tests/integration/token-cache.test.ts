import { describe, expect, it } from "vitest";
import { issueApiToken, revokeApiToken, TOKEN_CACHE_TTL_MS, userForApiToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { createUserWithToken } from "../support/factories";

/** Bearer tokens are looked up once per TOKEN_CACHE_TTL_MS per process; the clock is injected, nothing sleeps. */
describe("the API token cache", () => {
  async function freshToken() {
    const { user } = await createUserWithToken("FAN");
    const issued = await issueApiToken(db, { userId: user.id, name: "cache test" });
    return { user, issued };
  }

  it("answers from memory, and honours a revocation made elsewhere once the entry is older than the TTL", async () => {
    const { user, issued } = await freshToken();
    const t0 = new Date();
    expect((await userForApiToken(db, issued.token, t0))?.user.id).toBe(user.id);

    // Revoked by another app instance: this one does not know until its entry lapses.
    await db.apiToken.update({ where: { id: issued.id }, data: { revokedAt: new Date() } });
    const justBefore = new Date(t0.getTime() + TOKEN_CACHE_TTL_MS - 1);
    expect((await userForApiToken(db, issued.token, justBefore))?.user.id).toBe(user.id);
    expect(await userForApiToken(db, issued.token, new Date(t0.getTime() + TOKEN_CACHE_TTL_MS))).toBeNull();
    // And a refusal is remembered too, so it stays refused.
    expect(await userForApiToken(db, issued.token, new Date(t0.getTime() + TOKEN_CACHE_TTL_MS + 1))).toBeNull();
  });

  it("forgets a token revoked in this process at once", async () => {
    const { user, issued } = await freshToken();
    expect((await userForApiToken(db, issued.token))?.user.id).toBe(user.id);
    await revokeApiToken(db, { userId: user.id, tokenId: issued.id });
    expect(await userForApiToken(db, issued.token)).toBeNull();
  });

  it("refuses a token past its own expiry even while its entry is cached", async () => {
    const { user, issued } = await freshToken();
    const t0 = new Date();
    const expiresAt = new Date(t0.getTime() + 1_000);
    await db.apiToken.update({ where: { id: issued.id }, data: { expiresAt } });
    expect((await userForApiToken(db, issued.token, t0))?.user.id).toBe(user.id);
    expect(await userForApiToken(db, issued.token, expiresAt)).toBeNull();
  });

  it("shows a role change once the entry is older than the TTL", async () => {
    const { user, issued } = await freshToken();
    const t0 = new Date();
    expect((await userForApiToken(db, issued.token, t0))?.user.role).toBe("FAN");
    await db.user.update({ where: { id: user.id }, data: { role: "ORGANIZER" } });
    expect((await userForApiToken(db, issued.token, new Date(t0.getTime() + 1)))?.user.role).toBe("FAN");
    const later = new Date(t0.getTime() + TOKEN_CACHE_TTL_MS);
    expect((await userForApiToken(db, issued.token, later))?.user.role).toBe("ORGANIZER");
  });
});
