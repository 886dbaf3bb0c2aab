import "server-only";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { MANAGING_ROLES, requireOrganizationRole } from "./memberships";
import { requirePageActor } from "./page-actor";

/**
 * Guards a dashboard page of one organization (`/organizer/<orgSlug>/…`):
 * signed-out visitors go to sign-in and come back, outsiders see "not found"
 * (an organization's existence is not confirmed to them), members whose role
 * is too small see "not allowed". Call it in every such page and action.
 */
export async function requireOrganizationPage(
  orgSlug: string,
  returnTo: string,
  roles: readonly MembershipRole[] = MANAGING_ROLES,
) {
  const actor = await requirePageActor("signed-in", returnTo);
  const organization = await db.organization.findUnique({
    where: { slug: orgSlug },
    select: { id: true, slug: true, name: true },
  });
  if (!organization) notFound();
  try {
    const role = await requireOrganizationRole(db, actor, organization.id, roles);
    return { actor, organization, role };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") redirect("/forbidden");
    throw error;
  }
}
