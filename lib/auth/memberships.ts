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
