import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { addMembership, changeStaff, STAFF_ADMIN_ROLES } from "@/lib/auth/memberships";
import { email } from "@/lib/auth/schemas";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueInvitationEmail } from "./invitation-email";

// Invitations to join an organization's staff (this module owns the `invitations` table;
// memberships themselves are lib/auth/memberships.ts's). The link carries a random token of
// which only the sha256 is stored; it works once, for the invited e-mail only, for 7 days,
// and an owner can revoke it. Sending, revoking and accepting each run under the
// organization's staff lock (`changeStaff`) with their audit entry.

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export const MEMBERSHIP_ROLES = ["OWNER", "MANAGER", "CHECK_IN"] as const;

export const invitationInput = z.strictObject({
  email,
  role: z.enum(MEMBERSHIP_ROLES, "choose a role"),
});

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Where an invitation stands: only "pending" can be accepted. */
export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

function stateOf(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

/**
 * An owner invites an e-mail address with a role: the invitation and its e-mail (through the
 * outbox) in one transaction. Someone already a member, or already invited and not yet
 * answered, is a CONFLICT: revoke the old invitation to send a new one.
 */
export async function inviteMember(
  db: DbOrTx,
  options: {
    actor: Actor;
    organizationId: string;
    input: z.infer<typeof invitationInput>;
    appUrl: string;
    now: Date;
  },
) {
  const { actor, organizationId, input, now } = options;
  return changeStaff(db, { actor, organizationId, roles: STAFF_ADMIN_ROLES }, async (tx) => {
    const member = await tx.membership.findFirst({
      where: { organizationId, user: { email: input.email } },
      select: { id: true },
    });
    if (member) throw new AppError("CONFLICT", `${input.email} is already a member of this organization.`);
    const open = await tx.invitation.findFirst({
      where: { organizationId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (open) {
      throw new AppError(
        "CONFLICT",
        `${input.email} has already been invited. Revoke that invitation to send a new one.`,
      );
    }
    const token = randomBytes(32).toString("base64url");
    const invitation = await tx.invitation.create({
      data: {
        organizationId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: actor.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      },
      select: { id: true, email: true, role: true, expiresAt: true, organization: { select: { name: true } } },
    });
    await enqueueInvitationEmail(tx, {
      to: invitation.email,
      organizationName: invitation.organization.name,
      inviterName: actor.name,
      role: invitation.role,
      link: `${options.appUrl}/invitations/${token}`,
      expiresAt: invitation.expiresAt.toISOString(),
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId,
      action: "invitation.sent",
      entityType: "invitation",
      entityId: invitation.id,
      after: { email: invitation.email, role: invitation.role },
    });
    return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
  });
}

/** The organization's invitations not yet accepted nor revoked (expired ones too, marked so), newest first. */
export async function listOpenInvitations(db: DbOrTx, options: { organizationId: string; now: Date }) {
  const rows = await db.invitation.findMany({
    where: { organizationId: options.organizationId, acceptedAt: null, revokedAt: null },
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return rows.map(({ acceptedAt, revokedAt, ...row }) => ({
    ...row,
    state: stateOf({ acceptedAt, revokedAt, expiresAt: row.expiresAt }, options.now),
  }));
}

/** An owner revokes an invitation nobody has accepted yet; its link stops working at once. */
export async function revokeInvitation(
  db: DbOrTx,
  options: { actor: Actor; organizationId: string; invitationId: string; now: Date },
) {
  const { actor, organizationId } = options;
  await changeStaff(db, { actor, organizationId, roles: STAFF_ADMIN_ROLES }, async (tx) => {
    const [revoked] = await tx.invitation.updateManyAndReturn({
      where: { id: options.invitationId, organizationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: options.now },
      select: { id: true, email: true, role: true },
    });
    if (!revoked) throw new AppError("NOT_FOUND", "No such open invitation.");
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: revoked.id,
      before: { email: revoked.email, role: revoked.role },
    });
  });
}

/** What the invitation page shows before accepting; null for a link that never was one. */
export async function invitationByToken(db: DbOrTx, options: { token: string; now: Date }) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(options.token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true, slug: true } },
    },
  });
  return invitation && { ...invitation, state: stateOf(invitation, options.now) };
}

const REFUSALS: Record<Exclude<InvitationState, "pending">, string> = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was revoked by the organization.",
  expired: "This invitation has expired.",
};

/**
 * The signed-in user accepts an invitation sent to their e-mail: the membership is created
 * and the invitation marked used in one transaction, under the invitation's row lock and the
 * organization's staff lock, so a link clicked twice at once makes one membership.
 */
export async function acceptInvitation(db: DbOrTx, options: { actor: Actor; token: string; now: Date }) {
  const tokenHash = hashToken(options.token);
  const found = await db.invitation.findUnique({ where: { tokenHash }, select: { organizationId: true } });
  if (!found) throw new AppError("NOT_FOUND", "No such invitation.");
  return changeStaff(db, { actor: options.actor, organizationId: found.organizationId, roles: null }, async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM invitations WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id: locked!.id },
      include: { organization: { select: { slug: true, name: true } } },
    });
    const state = stateOf(invitation, options.now);
    if (state !== "pending") throw new AppError("CONFLICT", `${REFUSALS[state]} Ask the organization for a new one.`);
    if (invitation.email !== options.actor.email.toLowerCase()) {
      throw new AppError(
        "FORBIDDEN",
        `This invitation was sent to ${invitation.email}. Sign in with that e-mail address to accept it.`,
      );
    }
    const membership = await addMembership(tx, {
      organizationId: invitation.organizationId,
      userId: options.actor.userId,
      role: invitation.role,
    });
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { acceptedAt: options.now, acceptedById: options.actor.userId },
    });
    await recordAudit(tx, {
      actorId: options.actor.userId,
      organizationId: invitation.organizationId,
      action: "invitation.accepted",
      entityType: "invitation",
      entityId: invitation.id,
      after: { email: invitation.email, role: invitation.role },
      details: { membershipId: membership.id },
    });
    return { organization: invitation.organization, role: invitation.role };
  });
}
