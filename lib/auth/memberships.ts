import "server-only";
import type { DbOrTx } from "@/lib/db";
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
