import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Db, Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { hashPassword, TIMING_DECOY_HASH, verifyPassword } from "./passwords";
import { wholeSecond } from "./password-reset";

type AccountDeps = { db: Db; clock: () => Date };

const selfChange = (userId: string, action: string) => ({
  actorId: userId,
  organizationId: null,
  action,
  entityType: "user",
  entityId: userId,
});

/** Every change to the account itself asks for the current password: a borrowed, signed-in phone is not enough. */
async function requireCurrentPassword(tx: Tx, userId: string, password: string) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, deletedAt: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? TIMING_DECOY_HASH);
  if (!user || user.deletedAt || !valid) {
    throw new AppError("VALIDATION_FAILED", "The current password is wrong.", {
      fields: { currentPassword: ["is wrong"] },
    });
  }
}

/**
 * A new password. Every other session of the account stops working; the caller signs this one
 * in again (a session made in the same second stays valid, see `wholeSecond`).
 */
export async function changePassword(
  deps: AccountDeps,
  input: { userId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.$transaction(async (tx) => {
    await requireCurrentPassword(tx, input.userId, input.currentPassword);
    await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash, sessionsValidFrom: wholeSecond(deps.clock()) },
    });
    await recordAudit(tx, selfChange(input.userId, "user.password_changed"));
  });
}

/** A new sign-in e-mail. Orders keep the address they were bought with (their receipts went there). */
export async function changeEmail(
  deps: AccountDeps,
  input: { userId: string; currentPassword: string; newEmail: string },
): Promise<void> {
  try {
    await deps.db.$transaction(async (tx) => {
      await requireCurrentPassword(tx, input.userId, input.currentPassword);
      const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true } });
      // A new address is unconfirmed until its own link is opened.
      await tx.user.update({ where: { id: input.userId }, data: { email: input.newEmail, emailVerifiedAt: null } });
      await recordAudit(tx, {
        ...selfChange(input.userId, "user.email_changed"),
        before: before.email,
        after: input.newEmail,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", "An account with this e-mail already exists.", {
        fields: { newEmail: ["is already registered"] },
      });
    }
    throw error;
  }
}

/**
 * Deletes an account the way the law asks of a seller: the person's name, e-mail and password go,
 * their sign-in and API tokens stop working, their memberships end; the orders stay (an organizer
 * must keep sales records), tied to an anonymous row, with the e-mail they were bought with.
 * The last owner of an organization must hand it over first.
 */
export async function deleteAccount(deps: AccountDeps, input: { userId: string; currentPassword: string }) {
  const unusablePassword = await hashPassword(randomBytes(32).toString("base64url"));
  const now = deps.clock();
  await deps.db.$transaction(async (tx) => {
    await requireCurrentPassword(tx, input.userId, input.currentPassword);
    const owned = await tx.membership.findMany({
      where: { userId: input.userId, role: "OWNER" },
      select: {
        organization: { select: { name: true, _count: { select: { memberships: { where: { role: "OWNER" } } } } } },
      },
    });
    const soleOwner = owned.filter((m) => m.organization._count.memberships === 1).map((m) => m.organization.name);
    if (soleOwner.length > 0) {
      throw new AppError(
        "CONFLICT",
        `You are the only owner of ${soleOwner.join(", ")}. Make someone else an owner first.`,
        {
          organizations: soleOwner,
        },
      );
    }
    await tx.membership.deleteMany({ where: { userId: input.userId } });
    await tx.apiToken.deleteMany({ where: { userId: input.userId } });
    await tx.passwordReset.deleteMany({ where: { userId: input.userId } });
    await tx.user.update({
      where: { id: input.userId },
      data: {
        email: `deleted-${input.userId}@users.invalid`,
        name: "Deleted user",
        passwordHash: unusablePassword,
        role: "FAN",
        deletedAt: now,
        sessionsValidFrom: new Date(now.getTime() + 1000),
      },
    });
    await recordAudit(tx, selfChange(input.userId, "user.deleted"));
  });
}
