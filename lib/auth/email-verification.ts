import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db, DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { escapeHtml } from "@/lib/notifications/email/html";
import type { EmailSender } from "@/lib/notifications/email/types";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";
import type { RateLimiter } from "@/lib/rate-limit/limiter";

export const EMAIL_VERIFICATION_TOPIC = "email.verify-address";
/** How long an e-mailed confirmation link works. */
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
/** Links a fan may ask for: a few an hour, so the form cannot flood an inbox. */
const REQUESTS_PER_HOUR = { limit: 3, windowSeconds: 60 * 60 };

/**
 * The link's token names the user and its expiry and is signed over the address it was sent to, so
 * nothing is stored: it stops working when it expires or when the address changes, and opening it
 * twice is harmless. The outbox keeps only the user id and the expiry; the worker signs the link.
 */
function tokenFor(secret: string, user: { id: string; email: string }, expiresAtMs: number): string {
  return `${user.id}.${expiresAtMs}.${signature(secret, user, expiresAtMs)}`;
}

function signature(secret: string, user: { id: string; email: string }, expiresAtMs: number): string {
  return createHmac("sha256", secret)
    .update(`email-verification:${user.id}:${user.email.toLowerCase()}:${expiresAtMs}`)
    .digest("base64url");
}

type VerificationDeps = { db: Db; rateLimiter: RateLimiter; clock: () => Date };

/** E-mails the fan a link that confirms their address; nothing to do when it is confirmed already. */
export async function requestEmailVerification(
  deps: VerificationDeps,
  input: { userId: string },
): Promise<{ sentTo: string } | { alreadyVerified: true }> {
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { email: true, emailVerifiedAt: true },
  });
  if (user.emailVerifiedAt) return { alreadyVerified: true };
  await deps.rateLimiter.take({ key: `verify-email:${input.userId}`, rule: REQUESTS_PER_HOUR });
  const expiresAtMs = deps.clock().getTime() + EMAIL_VERIFICATION_TTL_MS;
  await enqueueOutbox(deps.db, { topic: EMAIL_VERIFICATION_TOPIC, payload: { userId: input.userId, expiresAtMs } });
  return { sentTo: user.email };
}

const tokenShape = /^([^.]+)\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

/** Confirms the address a link was sent to, if the link is genuine, unexpired and the address unchanged. */
export async function verifyEmail(
  deps: { db: DbOrTx; clock: () => Date; secret: string },
  token: string,
): Promise<{ email: string }> {
  const invalid = new AppError("BAD_REQUEST", "This link has expired or no longer works. Ask for a new one.");
  const [, userId, expires, mac] = tokenShape.exec(token) ?? [];
  if (!userId || !expires || !mac) throw invalid;
  const expiresAtMs = Number(expires);
  const now = deps.clock();
  if (expiresAtMs <= now.getTime()) throw invalid;
  const user = await deps.db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, deletedAt: true },
  });
  if (!user || user.deletedAt) throw invalid;
  const expected = Buffer.from(signature(deps.secret, user, expiresAtMs));
  if (!timingSafeEqual(expected, Buffer.from(mac))) throw invalid;
  await deps.db.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  return { email: user.email };
}

export async function isEmailVerified(db: DbOrTx, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return Boolean(user?.emailVerifiedAt);
}

/**
 * Refuses a fan whose address is not confirmed (403 EMAIL_NOT_VERIFIED), e.g. for an on-sale with a
 * waiting room; returns when the account was made, which the waiting room weighs, from the same read.
 */
export async function assertEmailVerified(db: DbOrTx, userId: string): Promise<{ accountCreatedAt: Date }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true, createdAt: true } });
  if (!user?.emailVerifiedAt) {
    throw new AppError(
      "EMAIL_NOT_VERIFIED",
      "Confirm your e-mail address first: this on-sale has a waiting room, and only confirmed fans can hold tickets. " +
        "Send yourself a link from your account settings.",
      { settingsUrl: "/account/settings#email" },
    );
  }
  return { accountCreatedAt: user.createdAt };
}

const payload = z.object({ userId: z.string(), expiresAtMs: z.number() });

/** The worker's side: signs the link for the address the account has now, and sends it there. */
export function emailVerificationHandler(deps: {
  db: DbOrTx;
  email: EmailSender;
  appUrl: string;
  secret: string;
}): OutboxHandler {
  return async (raw) => {
    const { userId, expiresAtMs } = payload.parse(raw);
    const user = await deps.db.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, emailVerifiedAt: true, deletedAt: true },
    });
    if (!user || user.deletedAt || user.emailVerifiedAt) return;
    const link = `${deps.appUrl}/verify-email?token=${encodeURIComponent(tokenFor(deps.secret, user, expiresAtMs))}`;
    await deps.email.send({
      to: user.email,
      subject: "Confirm your e-mail address for Marquee",
      text: `Hi ${user.name},\n\nConfirm that this is your address by opening this link within a day:\n\n${link}\n\nIf you did not ask for it, ignore this e-mail.\n`,
      html: `<p>Hi ${escapeHtml(user.name)},</p><p><a href="${escapeHtml(link)}">Confirm that this is your address</a> within a day.</p><p>If you did not ask for it, ignore this e-mail.</p>`,
    });
  };
}
