"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { changeMemberRole, removeMember } from "@/lib/auth/memberships";
import { pathId } from "@/lib/http-params";
import { services } from "@/lib/services";
import { invitationInput, inviteMember, MEMBERSHIP_ROLES, revokeInvitation } from "@/lib/staff/invitations";

// The staff page's forms. Each domain function checks, inside its transaction, that the caller
// is an owner of the organization (or an admin); managers may look but not change.

const revalidateStaffPage = () => revalidatePath("/organizer/[orgSlug]/staff", "page");

export const inviteAction = formAction(
  { access: "signed-in", schema: invitationInput.extend({ organizationId: pathId }), echo: ["email"] },
  async ({ organizationId, ...input }, actor) => {
    const { db, appUrl, clock } = services();
    const invitation = await inviteMember(db, { actor, organizationId, input, appUrl, now: clock() });
    revalidateStaffPage();
    return { ok: true, message: `Invitation sent to ${invitation.email}.` };
  },
);

export const revokeInvitationAction = formAction(
  { access: "signed-in", schema: z.strictObject({ organizationId: pathId, invitationId: pathId }) },
  async ({ organizationId, invitationId }, actor) => {
    const { db, clock } = services();
    await revokeInvitation(db, { actor, organizationId, invitationId, now: clock() });
    revalidateStaffPage();
    return { ok: true, message: "Invitation revoked." };
  },
);

export const changeRoleAction = formAction(
  {
    access: "signed-in",
    schema: z.strictObject({ organizationId: pathId, membershipId: pathId, role: z.enum(MEMBERSHIP_ROLES) }),
  },
  async (input, actor) => {
    await changeMemberRole(services().db, { actor, ...input });
    revalidateStaffPage();
    return { ok: true, message: "Role changed." };
  },
);

export const removeMemberAction = formAction(
  { access: "signed-in", schema: z.strictObject({ organizationId: pathId, membershipId: pathId }) },
  async (input, actor) => {
    await removeMember(services().db, { actor, ...input });
    revalidateStaffPage();
    return { ok: true, message: "Member removed." };
  },
);
