import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { changeEmail, changePassword, deleteAccount } from "@/lib/auth/account-settings";
import { ATTEMPT_LIMITS } from "@/lib/auth/attempt-limits";
import {
  PASSWORD_RESET_TOPIC,
  PASSWORD_RESET_TTL_MS,
  passwordResetEmailHandler,
  passwordResetIsUsable,
  requestPasswordReset,
  resetPassword,
} from "@/lib/auth/password-reset";
import { issueApiToken, userForApiToken } from "@/lib/auth/tokens";
import { findSessionUser, verifyCredentials } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { services } from "@/lib/services";
import { createOrganizationWithEvents, createUserWithToken, TEST_PASSWORD, uniqueEmail } from "../support/factories";

const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const at = (date: Date) => () => date;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function resetDeps(now = new Date()) {
  const s = services();
  return { ...s, clock: at(now), secret: s.config.AUTH_SECRET };
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** Asks for a reset, delivers the outbox message through the real handler, and returns the e-mailed link's token. */
async function mailedToken(email: string, now = new Date()) {
  await requestPasswordReset(resetDeps(now), { email, clientIp: randomIp() });
  const message = await db.outboxMessage.findFirstOrThrow({
    where: { topic: PASSWORD_RESET_TOPIC },
    orderBy: { createdAt: "desc" },
  });
  expect(JSON.stringify(message.payload)).not.toMatch(/\./); // the id only: nothing secret in the outbox
  const { email: sender, appUrl, config } = services();
  await passwordResetEmailHandler({ db, email: sender, appUrl, secret: config.AUTH_SECRET })(message.payload);
  const mail = await db.devMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const link = /\/reset-password\?token=([^\s"<]+)/.exec(mail.text)![1]!;
  return decodeURIComponent(link);
}

describe("forgot password", () => {
  it("e-mails a single-use link that sets the password and retires older sessions", async () => {
    const { user } = await createUserWithToken();
    const before = new Date(Date.now() - 5_000);
    const token = await mailedToken(user.email);
    expect(await passwordResetIsUsable(db, token, new Date())).toBe(true);

    await resetPassword(services(), { token, password: "a-brand-new-password" });
    expect(await verifyCredentials(db, { email: user.email, password: "a-brand-new-password" })).not.toBeNull();
    expect(await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD })).toBeNull();
    // A session that signed in before the reset no longer counts; one made after it does.
    expect(await findSessionUser(db, user.id, seconds(before))).toBeNull();
    expect(await findSessionUser(db, user.id, seconds(new Date()) + 1)).not.toBeNull();

    // The same link twice: refused, and the password stays the one set the first time.
    await expectAppError(resetPassword(services(), { token, password: "yet-another-password" }), "BAD_REQUEST");
    expect(await verifyCredentials(db, { email: user.email, password: "a-brand-new-password" })).not.toBeNull();
  });

  it("two submissions of one link at once change the password once", async () => {
    const { user } = await createUserWithToken();
    const token = await mailedToken(user.email);
    const results = await Promise.allSettled([
      resetPassword(services(), { token, password: "first-new-password" }),
      resetPassword(services(), { token, password: "second-new-password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses an expired link, and a link replaced by a newer request", async () => {
    const { user } = await createUserWithToken();
    const old = await mailedToken(user.email, new Date(Date.now() - PASSWORD_RESET_TTL_MS - 60_000));
    expect(await passwordResetIsUsable(db, old, new Date())).toBe(false);
    await expectAppError(resetPassword(services(), { token: old, password: "never-applied-pw" }), "BAD_REQUEST");

    const first = await mailedToken(user.email);
    const second = await mailedToken(user.email);
    await expectAppError(resetPassword(services(), { token: first, password: "never-applied-pw" }), "BAD_REQUEST");
    await resetPassword(services(), { token: second, password: "the-newest-password" });
  });

  it("answers the same for an unknown address and queues nothing", async () => {
    const email = uniqueEmail("nobody");
    const count = () => db.outboxMessage.count({ where: { topic: PASSWORD_RESET_TOPIC } });
    const before = await count();
    await requestPasswordReset(resetDeps(), { email, clientIp: randomIp() });
    expect(await count()).toBe(before);
  });

  it("limits requests per account, so it cannot flood an inbox", async () => {
    const { user } = await createUserWithToken();
    for (let i = 0; i < ATTEMPT_LIMITS.passwordResetPerAccount.limit; i++) {
      await requestPasswordReset(resetDeps(), { email: user.email, clientIp: randomIp() });
    }
    await expectAppError(
      requestPasswordReset(resetDeps(), { email: user.email, clientIp: randomIp() }),
      "RATE_LIMITED",
    );
  });
});

describe("account settings", () => {
  it("changes the password only with the current one, and signs other sessions out", async () => {
    const { user } = await createUserWithToken();
    const earlier = seconds(new Date()) - 5;
    const error = await expectAppError(
      changePassword(services(), { userId: user.id, currentPassword: "wrong-password", newPassword: "x".repeat(12) }),
      "VALIDATION_FAILED",
    );
    expect(error.details).toEqual({ fields: { currentPassword: ["is wrong"] } });
    expect(await findSessionUser(db, user.id, earlier)).not.toBeNull();

    await changePassword(services(), {
      userId: user.id,
      currentPassword: TEST_PASSWORD,
      newPassword: "a-new-password!",
    });
    expect(await verifyCredentials(db, { email: user.email, password: "a-new-password!" })).not.toBeNull();
    expect(await findSessionUser(db, user.id, earlier)).toBeNull();
  });

  it("changes the e-mail, refusing one that another account uses", async () => {
    const { user } = await createUserWithToken();
    const { user: other } = await createUserWithToken();
    await expectAppError(
      changeEmail(services(), { userId: user.id, currentPassword: TEST_PASSWORD, newEmail: other.email }),
      "EMAIL_TAKEN",
    );
    const newEmail = uniqueEmail("moved");
    await changeEmail(services(), { userId: user.id, currentPassword: TEST_PASSWORD, newEmail });
    expect(await verifyCredentials(db, { email: newEmail, password: TEST_PASSWORD })).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.email_changed" } });
    expect(audit.data).toEqual({ before: user.email, after: newEmail });
  });

  it("deletes an account: identity erased, sessions and tokens dead, orders kept", async () => {
    const { user, token } = await createUserWithToken();
    const { user: owner } = await createUserWithToken("ORGANIZER");
    const { events } = await createOrganizationWithEvents(owner.id, 1);
    const order = await db.order.create({
      data: {
        userId: user.id,
        eventId: events[0]!.id,
        status: "PAID",
        email: user.email,
        currency: "USD",
        subtotalMinor: 1000,
        feesMinor: 100,
        totalMinor: 1100,
      },
    });
    const { token: second } = await issueApiToken(db, { userId: user.id, name: "second" });

    await deleteAccount(services(), { userId: user.id, currentPassword: TEST_PASSWORD });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ name: "Deleted user", email: `deleted-${user.id}@users.invalid` });
    expect(row.deletedAt).not.toBeNull();
    expect(await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD })).toBeNull();
    expect(await findSessionUser(db, user.id, seconds(new Date()) + 60)).toBeNull();
    expect(await userForApiToken(db, token)).toBeNull();
    expect(await userForApiToken(db, second)).toBeNull();
    // The organizer keeps the sale, with the address it was bought with.
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PAID",
      email: user.email,
    });
  });

  it("refuses to delete the only owner of an organization", async () => {
    const { user } = await createUserWithToken("ORGANIZER");
    await createOrganizationWithEvents(user.id, 0);
    const error = await expectAppError(
      deleteAccount(services(), { userId: user.id, currentPassword: TEST_PASSWORD }),
      "CONFLICT",
    );
    expect(error.message).toMatch(/only owner of Test Org/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
  });
});
