"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { services } from "@/lib/services";
import { acceptInvitation } from "@/lib/staff/invitations";

/** Accepts the invitation as the signed-in user (who must hold the invited e-mail), then opens the dashboard. */
export const acceptInvitationAction = formAction(
  { access: "signed-in", schema: z.strictObject({ token: z.string().min(1).max(200) }) },
  async ({ token }, actor) => {
    const { db, clock } = services();
    const { organization } = await acceptInvitation(db, { actor, token, now: clock() });
    redirect(`/organizer/${organization.slug}`);
  },
);
