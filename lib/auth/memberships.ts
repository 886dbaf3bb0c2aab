import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";

/**
 * The organizations whose events this actor may manage, or "all" for admins.
 * Returning a marker instead of `undefined` keeps "no filter" from ever
 * happening by accident in a where clause.
 */
export async function manageableOrganizationIds(
  db: DbOrTx,
  actor: Actor,
  roles: readonly MembershipRole[] = ["OWNER", "MANAGER"],
): Promise<string[] | "all"> {
  if (actor.role === "ADMIN") return "all";
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId, role: { in: [...roles] } },
    select: { organizationId: true },
  });
  return memberships.map((m) => m.organizationId);
}

/** Whether this actor is an admin or an owner or manager of the organization (check-in staff are not). */
export async function canManageOrganization(db: DbOrTx, actor: Actor, organizationId: string): Promise<boolean> {
  if (actor.role === "ADMIN") return true;
  const found = await db.membership.count({
    where: { userId: actor.userId, organizationId, role: { in: ["OWNER", "MANAGER"] } },
  });
  return found > 0;
}
