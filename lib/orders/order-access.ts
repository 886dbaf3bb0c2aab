import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireOrganizationRole } from "@/lib/auth/memberships";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MembershipRole } from "@/lib/generated/prisma/enums";

// Who may act on an order as its organizer: the owners and managers of the event's
// organization, and admins. Anyone else is told "not found", so order ids cannot be probed.

export type OrderOfOrganization = { id: string; eventId: string; organizationId: string; status: string };

/**
 * Loads an order for an action by its organizer and checks their role in the event's organization.
 * `organizationId`, when given (a dashboard URL names one), must be the order's: another
 * organization's order under this organization's slug is "not found" even to an admin.
 */
export async function authorizeOrder(
  db: DbOrTx,
  actor: Actor,
  orderId: string,
  options: { organizationId?: string; roles?: readonly MembershipRole[] } = {},
): Promise<OrderOfOrganization> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, eventId: true, status: true, event: { select: { organizationId: true } } },
  });
  const organizationId = order?.event.organizationId;
  if (!order || !organizationId || (options.organizationId && options.organizationId !== organizationId)) {
    throw new AppError("NOT_FOUND", "No such order.");
  }
  try {
    await requireOrganizationRole(db, actor, organizationId, options.roles);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "No such order.");
    throw error;
  }
  return { id: order.id, eventId: order.eventId, organizationId, status: order.status };
}
