import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";

/** Who may change what an organization sells: its owners and managers. Check-in staff only scan tickets. */
export const MANAGING_ROLES = ["OWNER", "MANAGER"] as const satisfies readonly MembershipRole[];
/** Every member of an organization: what only reads its dashboard (the overview) admits check-in staff too. */
export const MEMBER_ROLES = ["OWNER", "MANAGER", "CHECK_IN"] as const satisfies readonly MembershipRole[];

/** The memberships an actor may act through: a token made for one organization reaches only that one. */
function membershipFilter(actor: Actor, roles: readonly MembershipRole[]) {
  return {
    userId: actor.userId,
    role: { in: [...roles] },
    ...(actor.tokenOrganizationId ? { organizationId: actor.tokenOrganizationId } : {}),
  };
}

/**
 * The organizations whose events this actor may manage, or "all" for admins.
 * Returning a marker instead of `undefined` keeps "no filter" from ever
 * happening by accident in a where clause.
 */
export async function manageableOrganizationIds(
  db: DbOrTx,
  actor: Actor,
  roles: readonly MembershipRole[] = MANAGING_ROLES,
): Promise<string[] | "all"> {
  if (actor.role === "ADMIN" && !actor.tokenOrganizationId) return "all";
  if (actor.role === "ADMIN") return [actor.tokenOrganizationId!];
  const memberships = await db.membership.findMany({
    where: membershipFilter(actor, roles),
    select: { organizationId: true },
  });
  return memberships.map((m) => m.organizationId);
}

/** Whether this actor is an admin or an owner or manager of the organization (check-in staff are not). */
export async function canManageOrganization(db: DbOrTx, actor: Actor, organizationId: string): Promise<boolean> {
  const ids = await manageableOrganizationIds(db, actor);
  return ids === "all" || ids.includes(organizationId);
}

/** The organizations an actor may open in the dashboard, with their role there (admins: every one), by name. */
export async function organizationsOf(db: DbOrTx, actor: Actor) {
  if (actor.role === "ADMIN" && !actor.tokenOrganizationId) {
    const all = await db.organization.findMany({
      select: { id: true, slug: true, name: true },
      orderBy: { name: "asc" },
    });
    return all.map((o) => ({ ...o, role: "ADMIN" as const }));
  }
  const memberships = await db.membership.findMany({
    where: membershipFilter(actor, MEMBER_ROLES),
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}

/**
 * Authorizes an action on one organization's data. Someone outside the
 * organization (or holding a token made for another one) is told "not found",
 * so ids of other organizations cannot be probed; a member whose role is too
 * small is told "forbidden". Admins may act everywhere.
 */
export async function requireOrganizationRole(
  db: DbOrTx,
  actor: Actor,
  organizationId: string,
  roles: readonly MembershipRole[] = MANAGING_ROLES,
): Promise<MembershipRole | "ADMIN"> {
  const scopedElsewhere = actor.tokenOrganizationId !== undefined && actor.tokenOrganizationId !== organizationId;
  if (actor.role === "ADMIN" && !scopedElsewhere) return "ADMIN";
  const membership = scopedElsewhere
    ? null
    : await db.membership.findUnique({
        where: { userId_organizationId: { userId: actor.userId, organizationId } },
        select: { role: true },
      });
  if (!membership) throw new AppError("NOT_FOUND", "No such organization.");
  if (!roles.includes(membership.role)) {
    throw new AppError("FORBIDDEN", "Your role in this organization does not allow this.", {
      role: membership.role,
      requiredRole: roles,
    });
  }
  return membership.role;
}

/** Whether the dashboard has anything for this user: admins and organizers always, anyone else through a membership. */
export async function hasDashboard(db: DbOrTx, actor: Actor): Promise<boolean> {
  if (actor.role === "ADMIN" || actor.role === "ORGANIZER") return true;
  return (await db.membership.count({ where: membershipFilter(actor, MEMBER_ROLES) })) > 0;
}

// ---- Staff: who is a member, with which role -----------------------------------------------
// Every change to an organization's memberships runs in a transaction that first locks the
// organization's row (`lockStaff`), then re-checks the actor's own role and the owners left.
// Two owners demoting each other at the same moment therefore run one after the other, and the
// second finds itself no longer an owner (or the last one): an organization never loses its last owner.

/** Who may change an organization's staff: its owners (and site admins). */
export const STAFF_ADMIN_ROLES = ["OWNER"] as const satisfies readonly MembershipRole[];

/** An organization's members with their names and e-mails: owners first, then by e-mail. */
export async function listMembers(db: DbOrTx, organizationId: string) {
  const members = await db.membership.findMany({
    where: { organizationId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
  });
  return members;
}

export type Member = Awaited<ReturnType<typeof listMembers>>[number];

/** Serializes staff changes of one organization until the transaction ends; NOT_FOUND for an unknown one. */
async function lockStaff(tx: Tx, organizationId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM organizations WHERE id = ${organizationId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "No such organization.");
}

/**
 * Runs one change to an organization's staff: in a transaction holding the staff lock, with the
 * actor's role checked inside it (a role taken away a moment ago counts). `roles` null: any
 * signed-in user (accepting an invitation, which the invitation itself authorizes).
 */
export async function changeStaff<T>(
  db: DbOrTx,
  options: { actor: Actor; organizationId: string; roles: readonly MembershipRole[] | null },
  change: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await lockStaff(tx, options.organizationId);
    if (options.roles) await requireOrganizationRole(tx, options.actor, options.organizationId, options.roles);
    return change(tx);
  });
}

async function memberOf(tx: Tx, organizationId: string, membershipId: string) {
  const member = await tx.membership.findFirst({
    where: { id: membershipId, organizationId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!member) throw new AppError("NOT_FOUND", "No such member.");
  return member;
}

/** Refuses a change that would leave the organization without an owner (call it under the staff lock). */
async function keepAnOwner(tx: Tx, organizationId: string, member: { role: MembershipRole }, verb: string) {
  if (member.role !== "OWNER") return;
  const owners = await tx.membership.count({ where: { organizationId, role: "OWNER" } });
  if (owners <= 1) {
    throw new AppError(
      "CONFLICT",
      `This is the organization's last owner, who cannot be ${verb}. Make someone else an owner first.`,
    );
  }
}

/** Adds a user to an organization with a role, in the caller's staff transaction; CONFLICT if already a member. */
export async function addMembership(tx: Tx, options: { organizationId: string; userId: string; role: MembershipRole }) {
  const existing = await tx.membership.findUnique({
    where: { userId_organizationId: { userId: options.userId, organizationId: options.organizationId } },
    select: { id: true },
  });
  if (existing) throw new AppError("CONFLICT", "You are already a member of this organization.");
  return tx.membership.create({ data: options, select: { id: true, role: true } });
}

/** An owner (or admin) gives a member another role; the last owner keeps theirs. */
export async function changeMemberRole(
  db: DbOrTx,
  options: { actor: Actor; organizationId: string; membershipId: string; role: MembershipRole },
) {
  return changeStaff(db, { ...options, roles: STAFF_ADMIN_ROLES }, async (tx) => {
    const member = await memberOf(tx, options.organizationId, options.membershipId);
    if (member.role === options.role) return member;
    if (options.role !== "OWNER") await keepAnOwner(tx, options.organizationId, member, "demoted");
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role: options.role } });
    await recordAudit(tx, {
      actorId: options.actor.userId,
      organizationId: options.organizationId,
      action: "membership.role_changed",
      entityType: "membership",
      entityId: member.id,
      before: { role: member.role },
      after: { role: updated.role },
      details: { email: member.user.email },
    });
    return { ...member, role: updated.role };
  });
}

/** An owner (or admin) removes a member; the last owner stays. */
export async function removeMember(
  db: DbOrTx,
  options: { actor: Actor; organizationId: string; membershipId: string },
) {
  await changeStaff(db, { ...options, roles: STAFF_ADMIN_ROLES }, async (tx) => {
    const member = await memberOf(tx, options.organizationId, options.membershipId);
    await keepAnOwner(tx, options.organizationId, member, "removed");
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit(tx, {
      actorId: options.actor.userId,
      organizationId: options.organizationId,
      action: "membership.removed",
      entityType: "membership",
      entityId: member.id,
      before: { role: member.role, email: member.user.email },
    });
  });
}
