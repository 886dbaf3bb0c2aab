import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { keysetQuery, type PageRequest } from "@/lib/keyset";
import type { Actor } from "./actor";
import { forgetCachedTokensOf } from "./tokens";

// Site administration of accounts (/admin/users). Callers authorize (ADMIN) first; these functions
// refuse what no admin may do: disabling or demoting themselves, which could lock the site out.

const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  createdAt: true,
} as const;
export type AdminUserRow = Prisma.UserGetPayload<{ select: typeof adminUserSelect }>;

/** Accounts newest first, optionally those whose e-mail or name contains `query`. */
export async function searchUsers(db: DbOrTx, options: { query?: string; page: PageRequest }) {
  const keyset = keysetQuery("createdAt", "desc", options.page);
  const text = options.query?.trim();
  const rows = await db.user.findMany({
    where: {
      ...(text
        ? {
            OR: [{ email: { contains: text, mode: "insensitive" } }, { name: { contains: text, mode: "insensitive" } }],
          }
        : {}),
      AND: [keyset.where],
    },
    orderBy: keyset.orderBy,
    take: keyset.take,
    select: adminUserSelect,
  });
  return keyset.finish(rows);
}

/** One account with its organizations and API tokens, for its admin page; null when there is none. */
export function userForAdmin(db: DbOrTx, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      ...adminUserSelect,
      memberships: {
        select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
        orderBy: { organization: { name: "asc" } },
      },
      _count: { select: { orders: true, apiTokens: { where: { revokedAt: null } } } },
    },
  });
}

/** The account's row, locked until the transaction ends: two admins' changes apply one after the other. */
async function lockUser(tx: Tx, userId: string) {
  const [user] = await tx.$queryRaw<Array<{ role: UserRole; disabledAt: Date | null }>>`
    SELECT role, "disabledAt" FROM users WHERE id = ${userId} FOR UPDATE`;
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

function refuseSelf(admin: Actor, userId: string, what: string) {
  if (admin.userId === userId) {
    throw new AppError("FORBIDDEN", `You cannot ${what} your own account; ask another admin.`);
  }
}

/** Sets an account's site role (FAN, ORGANIZER, ADMIN); an admin cannot change their own. */
export async function changeUserRole(db: Db, admin: Actor, options: { userId: string; role: UserRole }) {
  refuseSelf(admin, options.userId, "change the role of");
  await db.$transaction(async (tx) => {
    const before = await lockUser(tx, options.userId);
    if (before.role === options.role) return;
    await tx.user.update({ where: { id: options.userId }, data: { role: options.role } });
    await recordAudit(tx, {
      actorId: admin.userId,
      organizationId: null,
      action: "user.role_changed",
      entityType: "user",
      entityId: options.userId,
      before: { role: before.role },
      after: { role: options.role },
    });
  });
  forgetCachedTokensOf(options.userId);
}

/**
 * Disables an account (it can no longer sign in, and its sessions and API tokens stop working on
 * their next request) or enables it again. An admin cannot disable themselves.
 */
export async function setUserDisabled(db: Db, admin: Actor, options: { userId: string; disabled: boolean }) {
  if (options.disabled) refuseSelf(admin, options.userId, "disable");
  await db.$transaction(async (tx) => {
    const before = await lockUser(tx, options.userId);
    if ((before.disabledAt !== null) === options.disabled) return;
    const disabledAt = options.disabled ? new Date() : null;
    await tx.user.update({ where: { id: options.userId }, data: { disabledAt } });
    await recordAudit(tx, {
      actorId: admin.userId,
      organizationId: null,
      action: options.disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: options.userId,
      before: { disabledAt: before.disabledAt?.toISOString() ?? null },
      after: { disabledAt: disabledAt?.toISOString() ?? null },
    });
  });
  forgetCachedTokensOf(options.userId);
}

/** The account with this e-mail (case as stored: e-mails are kept lower-case), or NOT_FOUND. */
export async function userByEmail(db: DbOrTx, email: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user) {
    throw new AppError("NOT_FOUND", "No account with this e-mail.", { fields: { ownerEmail: ["has no account"] } });
  }
  return user;
}

/**
 * A fan who now owns an organization becomes an ORGANIZER (admins and organizers stay as they are),
 * inside the caller's transaction, recorded like any role change.
 */
export async function promoteToOrganizer(tx: Tx, admin: Actor, userId: string) {
  const user = await lockUser(tx, userId);
  if (user.role !== "FAN") return;
  await tx.user.update({ where: { id: userId }, data: { role: "ORGANIZER" } });
  await recordAudit(tx, {
    actorId: admin.userId,
    organizationId: null,
    action: "user.role_changed",
    entityType: "user",
    entityId: userId,
    before: { role: user.role },
    after: { role: "ORGANIZER" },
  });
  forgetCachedTokensOf(userId);
}
