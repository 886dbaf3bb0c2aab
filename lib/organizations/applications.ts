import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { OrganizerApplicationStatus } from "@/lib/generated/prisma/enums";
import { keysetQuery, type PageRequest } from "@/lib/keyset";
import { enqueueApplicationEmail } from "./application-emails";
import { createOrganizationInTx, withFreeSlug } from "@/lib/auth/organization-admin";

// "For organizers": a signed-in user asks to sell tickets; an admin approves (the organization is
// made with them as its OWNER, and they become an ORGANIZER, in the approval's transaction) or
// rejects with a reason. Either way they get an e-mail through the outbox and see the answer on the
// form's page. One open (PENDING) application per user: a partial unique index says so.

const website = z
  .string()
  .trim()
  .max(200)
  .transform((value) => (value === "" ? null : /^https?:\/\//i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ protocol: /^https?$/, error: "must be a web address, e.g. https://example.com" }).nullable());

export const applicationInput = z.object({
  organizationName: z.string().trim().min(2, "must be at least 2 characters").max(120),
  website,
  about: z
    .string()
    .trim()
    .min(10, "tell us in a sentence or two what you organize")
    .max(2000, "must be at most 2000 characters"),
});
export type ApplicationInput = z.infer<typeof applicationInput>;

const applicationSelect = {
  id: true,
  organizationName: true,
  website: true,
  about: true,
  status: true,
  rejectionReason: true,
  createdAt: true,
  decidedAt: true,
  organization: { select: { slug: true, name: true } },
} as const;

export async function submitApplication(db: DbOrTx, actor: Actor, input: ApplicationInput) {
  try {
    return await db.organizerApplication.create({
      data: { userId: actor.userId, ...input },
      select: applicationSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "You already have an application waiting for an answer.");
    }
    throw error;
  }
}

/** The user's most recent application, for the form's page: its status, and the organization it made. */
export function latestApplication(db: DbOrTx, userId: string) {
  return db.organizerApplication.findFirst({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: applicationSelect,
  });
}

/** Applications of one status; pending ones oldest first (first come, first served), decided ones newest first. */
export async function listApplications(db: DbOrTx, options: { status: OrganizerApplicationStatus; page: PageRequest }) {
  const keyset = keysetQuery("createdAt", options.status === "PENDING" ? "asc" : "desc", options.page);
  const rows = await db.organizerApplication.findMany({
    where: { status: options.status, ...keyset.where },
    orderBy: keyset.orderBy,
    take: keyset.take,
    select: {
      ...applicationSelect,
      user: { select: { id: true, email: true, name: true } },
      decidedBy: { select: { email: true } },
    },
  });
  return keyset.finish(rows);
}

/** The application's row, locked for the decision: a second decision waits, then finds it decided. */
async function lockPending(tx: Tx, applicationId: string) {
  const [row] = await tx.$queryRaw<
    Array<{ userId: string; organizationName: string; status: OrganizerApplicationStatus }>
  >`SELECT "userId", "organizationName", status FROM organizer_applications WHERE id = ${applicationId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "No such application.");
  if (row.status !== "PENDING") {
    throw new AppError("CONFLICT", `This application was already ${row.status.toLowerCase()}.`);
  }
  return row;
}

/**
 * Approves an application: the organization (named as applied for, at `slug`) with the applicant
 * as OWNER, the applicant an ORGANIZER, the application APPROVED, the audit entries and the e-mail,
 * all in one transaction. A decided application is refused (CONFLICT).
 */
export async function approveApplication(db: Db, admin: Actor, options: { applicationId: string; slug: string }) {
  return withFreeSlug(() =>
    db.$transaction(async (tx) => {
      const application = await lockPending(tx, options.applicationId);
      const organization = await createOrganizationInTx(tx, admin, {
        name: application.organizationName,
        slug: options.slug,
        ownerId: application.userId,
      });
      await tx.organizerApplication.update({
        where: { id: options.applicationId },
        data: { status: "APPROVED", organizationId: organization.id, decidedById: admin.userId, decidedAt: new Date() },
      });
      await recordAudit(tx, {
        actorId: admin.userId,
        organizationId: organization.id,
        action: "organizer_application.approved",
        entityType: "organizer_application",
        entityId: options.applicationId,
        after: { status: "APPROVED", organizationId: organization.id },
      });
      await enqueueApplicationEmail(tx, { applicationId: options.applicationId });
      return organization;
    }),
  );
}

/** Rejects an application with a reason the applicant is told; a decided application is refused (CONFLICT). */
export async function rejectApplication(db: Db, admin: Actor, options: { applicationId: string; reason: string }) {
  await db.$transaction(async (tx) => {
    await lockPending(tx, options.applicationId);
    await tx.organizerApplication.update({
      where: { id: options.applicationId },
      data: { status: "REJECTED", rejectionReason: options.reason, decidedById: admin.userId, decidedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      organizationId: null,
      action: "organizer_application.rejected",
      entityType: "organizer_application",
      entityId: options.applicationId,
      after: { status: "REJECTED" },
      details: { reason: options.reason },
    });
    await enqueueApplicationEmail(tx, { applicationId: options.applicationId });
  });
}

export function pendingApplicationCount(db: DbOrTx) {
  return db.organizerApplication.count({ where: { status: "PENDING" } });
}
