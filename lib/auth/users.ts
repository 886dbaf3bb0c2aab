import "server-only";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { hashPassword, needsRehash, TIMING_DECOY_HASH, verifyPassword } from "./passwords";
import type { CredentialsInput } from "./schemas";

export const publicUserSelect = { id: true, email: true, name: true, role: true, createdAt: true } as const;
export type PublicUser = Prisma.UserGetPayload<{ select: typeof publicUserSelect }>;

/** Creates a user from an already hashed password (hash outside transactions: it is slow on purpose). */
export async function createUser(
  db: DbOrTx,
  input: { email: string; name: string; passwordHash: string; role?: UserRole },
): Promise<PublicUser> {
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash: input.passwordHash, role: input.role ?? "FAN" },
      select: publicUserSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", "An account with this e-mail already exists.", {
        fields: { email: ["is already registered"] },
      });
    }
    throw error;
  }
}

/** The user these credentials belong to, or null; never says which half was wrong. */
export async function verifyCredentials(db: DbOrTx, input: CredentialsInput): Promise<PublicUser | null> {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { ...publicUserSelect, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? TIMING_DECOY_HASH);
  // A disabled account is refused like a wrong password: the form does not confirm it exists.
  if (!user || !valid || user.disabledAt) return null;
  const { passwordHash, disabledAt: _enabled, ...publicUser } = user;
  if (needsRehash(passwordHash))
    await upgradePasswordHash(db, { userId: user.id, passwordHash, password: input.password });
  return publicUser;
}

/**
 * Re-hashes a password that was just verified against an old hash (bcrypt, or argon2id with older
 * parameters): the only moment the plain password is at hand. The update only applies if the
 * stored hash is still the one verified, so it never undoes a password change made meanwhile.
 * A failure is logged, not raised: the sign-in itself was fine, and the next one will try again.
 */
async function upgradePasswordHash(db: DbOrTx, options: { userId: string; passwordHash: string; password: string }) {
  try {
    await db.user.updateMany({
      where: { id: options.userId, passwordHash: options.passwordHash },
      data: { passwordHash: await hashPassword(options.password) },
    });
  } catch (error) {
    log.warn({ err: error, userId: options.userId }, "could not upgrade a password hash");
  }
}

export function findUser(db: DbOrTx, id: string): Promise<PublicUser | null> {
  return db.user.findUnique({ where: { id }, select: publicUserSelect });
}

/**
 * The user a session cookie speaks for, or null: a deleted or disabled account (re-read on every request,
 * so disabling ends its sessions at once), or a session that signed in (`signedInAtSeconds`) before the
 * account's password was changed or reset.
 */
export async function findSessionUser(
  db: DbOrTx,
  id: string,
  signedInAtSeconds: number | undefined,
): Promise<PublicUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: { ...publicUserSelect, sessionsValidFrom: true, deletedAt: true, disabledAt: true },
  });
  if (!user || user.deletedAt || user.disabledAt) return null;
  if (user.sessionsValidFrom && (signedInAtSeconds ?? 0) * 1000 < user.sessionsValidFrom.getTime()) return null;
  const { sessionsValidFrom: _valid, deletedAt: _deleted, disabledAt: _disabled, ...publicUser } = user;
  return publicUser;
}

/** Several users' ids and e-mail addresses at once (deleted accounts are simply missing). */
export function usersByIds(db: DbOrTx, ids: string[]) {
  return db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
}
