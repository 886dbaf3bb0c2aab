import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "./actor";
import { promoteToOrganizer } from "./user-admin";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { keysetQuery, type PageRequest } from "@/lib/keyset";

// Organizations as the site's admins see them (/admin/organizations): created with an owner, and
// handed to another owner. What happens inside one (venues, events, staff) belongs to other modules.

/** An organization's address in the dashboard (/organizer/<slug>): lower-case words joined by hyphens. */
export const organizationSlug = z
  .string()
  .trim()
  .min(3, "must be at least 3 characters")
  .max(60, "must be at most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens (e.g. northstar-live)");

export const organizationName = z.string().trim().min(2, "must be at least 2 characters").max(120);

/** Organizations newest first, optionally those whose name or slug contains `query`, with their owners. */
export async function listOrganizations(db: DbOrTx, options: { query?: string; page: PageRequest }) {
  const keyset = keysetQuery("createdAt", "desc", options.page);
  const text = options.query?.trim();
  const rows = await db.organization.findMany({
    where: {
      ...(text
        ? {
            OR: [{ name: { contains: text, mode: "insensitive" } }, { slug: { contains: text, mode: "insensitive" } }],
          }
        : {}),
      AND: [keyset.where],
    },
    orderBy: keyset.orderBy,
    take: keyset.take,
    select: {
      id: true,
      slug: true,
      name: true,
      createdAt: true,
      memberships: { where: { role: "OWNER" }, select: { user: { select: { id: true, email: true } } } },
      _count: { select: { events: true, memberships: true } },
    },
  });
  return keyset.finish(rows);
}

/** One organization with its members, for its admin page; null when there is none. */
export function organizationForAdmin(db: DbOrTx, organizationId: string) {
  return db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      slug: true,
      name: true,
      createdAt: true,
      memberships: {
        select: { role: true, user: { select: { id: true, email: true, name: true } } },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      },
      _count: { select: { events: true, venues: true } },
    },
  });
}

/**
 * Makes an organization with `ownerId` as its OWNER, inside the caller's transaction (an approved
 * application makes one in the same transaction as the approval). The owner becomes an ORGANIZER
 * if they were a fan. A taken slug rolls the transaction back; `withFreeSlug` turns that into a
 * field error.
 */
export async function createOrganizationInTx(
  tx: Tx,
  admin: Actor,
  input: { name: string; slug: string; ownerId: string },
) {
  const organization = await tx.organization.create({
    data: { name: input.name, slug: input.slug, memberships: { create: { userId: input.ownerId, role: "OWNER" } } },
    select: { id: true, slug: true, name: true },
  });
  await promoteToOrganizer(tx, admin, input.ownerId);
  await recordAudit(tx, {
    actorId: admin.userId,
    organizationId: organization.id,
    action: "organization.created",
    entityType: "organization",
    entityId: organization.id,
    after: { name: organization.name, slug: organization.slug, ownerId: input.ownerId },
  });
  return organization;
}

/** Runs a transaction that creates an organization; a slug someone already has becomes a field error. */
export async function withFreeSlug<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "Another organization already has this address.", {
        fields: { slug: ["is taken; choose another"] },
      });
    }
    throw error;
  }
}

/** `POST` of the admin's "New organization" form: name, slug and an existing user as its owner. */
export function createOrganization(db: Db, admin: Actor, input: { name: string; slug: string; ownerId: string }) {
  return withFreeSlug(() => db.$transaction((tx) => createOrganizationInTx(tx, admin, input)));
}

/**
 * Makes `ownerId` the organization's OWNER (joining it if they were not a member). With `replace`,
 * the owners it had stay on as MANAGERs: the organization changes hands without anyone losing
 * access to what they ran.
 */
export async function setOrganizationOwner(
  db: Db,
  admin: Actor,
  options: { organizationId: string; ownerId: string; replace: boolean },
) {
  await db.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({
      where: { id: options.organizationId },
      select: { id: true, memberships: { where: { role: "OWNER" }, select: { userId: true } } },
    });
    if (!organization) throw new AppError("NOT_FOUND", "No such organization.");
    const previousOwners = organization.memberships.map((m) => m.userId);
    if (options.replace) {
      await tx.membership.updateMany({
        where: { organizationId: organization.id, role: "OWNER", userId: { not: options.ownerId } },
        data: { role: "MANAGER" },
      });
    }
    await tx.membership.upsert({
      where: { userId_organizationId: { userId: options.ownerId, organizationId: organization.id } },
      create: { userId: options.ownerId, organizationId: organization.id, role: "OWNER" },
      update: { role: "OWNER" },
    });
    await promoteToOrganizer(tx, admin, options.ownerId);
    const owners = options.replace ? [options.ownerId] : [...new Set([...previousOwners, options.ownerId])];
    await recordAudit(tx, {
      actorId: admin.userId,
      organizationId: organization.id,
      action: "organization.owner_changed",
      entityType: "organization",
      entityId: organization.id,
      before: { ownerIds: previousOwners },
      after: { ownerIds: owners },
    });
  });
}
