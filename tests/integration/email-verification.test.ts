import { describe, expect, it } from "vitest";
import { POST as requestRoute } from "@/app/api/v1/me/email-verification/route";
import { changeEmail } from "@/lib/auth/account-settings";
import {
  assertEmailVerified,
  EMAIL_VERIFICATION_TOPIC,
  EMAIL_VERIFICATION_TTL_MS,
  emailVerificationHandler,
  isEmailVerified,
  requestEmailVerification,
  verifyEmail,
} from "@/lib/auth/email-verification";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { services } from "@/lib/services";
import { createUserWithToken, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { bearer, call } from "../support/http";

const at = (date: Date) => () => date;

function deps(now = new Date()) {
  const s = services();
  return { ...s, clock: at(now), secret: s.config.AUTH_SECRET };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Delivers the newest confirmation message through the real handler; returns the mailed link's token. */
async function mailedToken(email: string) {
  const message = await db.outboxMessage.findFirstOrThrow({
    where: { topic: EMAIL_VERIFICATION_TOPIC },
    orderBy: { createdAt: "desc" },
  });
  expect(JSON.stringify(message.payload)).not.toContain(".");
  const { email: sender, appUrl, config } = services();
  await emailVerificationHandler({ db, email: sender, appUrl, secret: config.AUTH_SECRET })(message.payload);
  const mail = await db.devMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  expect(mail.subject).toBe("Confirm your e-mail address for Marquee");
  return decodeURIComponent(/\/verify-email\?token=([^\s"<]+)/.exec(mail.text)![1]!);
}

describe("confirming an e-mail address", () => {
  it("e-mails a link that confirms the address, once needed and harmless twice", async () => {
    const { user } = await createUserWithToken("FAN");
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
    expect((await refusal(assertEmailVerified(db, user.id))).code).toBe("EMAIL_NOT_VERIFIED");

    expect(await requestEmailVerification(deps(), { userId: user.id })).toEqual({ sentTo: user.email });
    const token = await mailedToken(user.email);
    expect(await verifyEmail(deps(), token)).toEqual({ email: user.email });
    expect(await isEmailVerified(db, user.id)).toBe(true);
    await assertEmailVerified(db, user.id);
    expect(await verifyEmail(deps(), token)).toEqual({ email: user.email });
    expect(await requestEmailVerification(deps(), { userId: user.id })).toEqual({ alreadyVerified: true });
  });

  it("refuses a forged, truncated or expired link, and one for an address the account no longer has", async () => {
    const { user } = await createUserWithToken("FAN");
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
    await requestEmailVerification(deps(), { userId: user.id });
    const token = await mailedToken(user.email);
    const forged = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    for (const bad of [forged, token.slice(0, 20), "x.1.y", `${user.id}.9999999999999.${"A".repeat(43)}`]) {
      expect((await refusal(verifyEmail(deps(), bad))).code).toBe("BAD_REQUEST");
    }
    const later = new Date(Date.now() + EMAIL_VERIFICATION_TTL_MS + 60_000);
    expect((await refusal(verifyEmail(deps(later), token))).message).toMatch(/expired/);

    await changeEmail(services(), { userId: user.id, currentPassword: TEST_PASSWORD, newEmail: uniqueEmail() });
    expect((await refusal(verifyEmail(deps(), token))).code).toBe("BAD_REQUEST");
    expect(await isEmailVerified(db, user.id)).toBe(false);
  });

  it("forgets the confirmation when the address changes", async () => {
    const { user } = await createUserWithToken("FAN");
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    await changeEmail(services(), { userId: user.id, currentPassword: TEST_PASSWORD, newEmail: uniqueEmail() });
    expect(await isEmailVerified(db, user.id)).toBe(false);
  });

  it("answers the API: 202 with where it was sent, 429 after three an hour, 200 once confirmed, 401 anonymously", async () => {
    const { user, token } = await createUserWithToken("FAN");
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
    const ask = () => call(requestRoute, { method: "POST", headers: bearer(token) });
    for (let i = 0; i < 3; i++) expect(await ask()).toMatchObject({ status: 202, json: { sentTo: user.email } });
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    expect(await ask()).toMatchObject({ status: 200, json: { alreadyVerified: true } });
    expect((await call(requestRoute, { method: "POST" })).status).toBe(401);
  });
});
