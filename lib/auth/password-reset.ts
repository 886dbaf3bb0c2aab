import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db, DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";
import type { EmailSender } from "@/lib/notifications/email/types";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { passwordResetChecks } from "./attempt-limits";
import { hashPassword } from "./passwords";
import { escapeHtml } from "@/lib/notifications/email/html";

export const PASSWORD_RESET_TOPIC = "email.password-reset";
/** How long an e-mailed link works. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/**
 * The link's token is derived from the reset's id with the app's secret, so nothing secret is
 * stored: the database keeps the token's hash (to find the reset) and the outbox only the id (the
 * worker derives the link again when it sends the e-mail).
 */
function tokenFor(secret: string, resetId: string): string {
  const mac = createHmac("sha256", secret).update(`password-reset:${resetId}`).digest("base64url");
  return `${resetId}.${mac}`;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

type ResetDeps = { db: Db; rateLimiter: RateLimiter; clock: () => Date; secret: string };

/**
 * "Forgot password": e-mails a single-use link valid for an hour, if an account has this address.
 * Answers the same whether or not it does (no account discovery); limited per address and per
 * e-mail. A new request replaces links not used yet.
 */
export async function requestPasswordReset(
  deps: ResetDeps,
  input: { email: string; clientIp: string | null },
): Promise<void> {
  await deps.rateLimiter.take(...passwordResetChecks(input.email, input.clientIp));
  const user = await deps.db.user.findUnique({
    where: { email: input.email },
    select: { id: true, deletedAt: true },
  });
  if (!user || user.deletedAt) return;
  const now = deps.clock();
  await deps.db.$transaction(async (tx) => {
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, tokenHash: "", expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) },
      select: { id: true },
    });
    await tx.passwordReset.update({
      where: { id: reset.id },
      data: { tokenHash: hashToken(tokenFor(deps.secret, reset.id)) },
    });
    await enqueueOutbox(tx, { topic: PASSWORD_RESET_TOPIC, payload: { resetId: reset.id } });
  });
}

/** Whether a link still works, for the page that asks for the new password. */
export async function passwordResetIsUsable(db: DbOrTx, token: string, now: Date): Promise<boolean> {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return reset !== null && reset.usedAt === null && reset.expiresAt > now;
}

/**
 * Sets the new password through an e-mailed link, once: the link is spent in the same statement
 * that checks it, so two submissions of one link change the password once. Every session signed
 * in before now stops working (someone who knew the old password is signed out).
 */
export async function resetPassword(
  deps: { db: Db; clock: () => Date },
  input: { token: string; password: string },
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock();
  return deps.db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: { id: true, userId: true },
    });
    const spent = reset
      ? await tx.passwordReset.updateMany({
          where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        })
      : { count: 0 };
    if (!reset || spent.count !== 1) {
      throw new AppError("BAD_REQUEST", "This link has expired or was already used. Ask for a new one.");
    }
    const user = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, sessionsValidFrom: wholeSecond(now) },
      select: { email: true },
    });
    return user;
  });
}

/** Sessions are compared by the second they signed in; a session made in this second stays valid. */
export const wholeSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

const resetPayload = z.object({ resetId: z.string() });

/** The worker's side: derives the link again from the reset's id and sends it, unless it was spent meanwhile. */
export function passwordResetEmailHandler(deps: {
  db: DbOrTx;
  email: EmailSender;
  appUrl: string;
  secret: string;
}): OutboxHandler {
  return async (raw) => {
    const { resetId } = resetPayload.parse(raw);
    const reset = await deps.db.passwordReset.findUnique({
      where: { id: resetId },
      select: { usedAt: true, tokenHash: true, user: { select: { email: true, name: true } } },
    });
    if (!reset || reset.usedAt) return;
    const token = tokenFor(deps.secret, resetId);
    // Defence in depth: a changed secret would mail a link that cannot work.
    if (!timingSafeEqual(Buffer.from(hashToken(token)), Buffer.from(reset.tokenHash))) return;
    const link = `${deps.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await deps.email.send({
      to: reset.user.email,
      subject: "Choose a new Marquee password",
      text: `Hi ${reset.user.name},\n\nSomeone (hopefully you) asked to reset your Marquee password. Choose a new one here within the hour:\n\n${link}\n\nIf it wasn't you, ignore this e-mail: your password stays as it is.\n`,
      html: `<p>Hi ${escapeHtml(reset.user.name)},</p><p>Someone (hopefully you) asked to reset your Marquee password. <a href="${escapeHtml(link)}">Choose a new one</a> within the hour.</p><p>If it wasn't you, ignore this e-mail: your password stays as it is.</p>`,
    });
  };
}
