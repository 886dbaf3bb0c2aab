"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { requireOrganizationRole } from "@/lib/auth/memberships";
import { issueApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { pathId } from "@/lib/http-params";
import { services } from "@/lib/services";

const tokenForm = z.strictObject({
  organizationId: pathId,
  name: z.string().trim().min(1, "Give the token a name, e.g. the system that will use it.").max(100),
});

export const createTokenAction = formAction(
  { access: "signed-in", schema: tokenForm, echo: ["name"] },
  async ({ organizationId, name }, actor) => {
    const { db } = services();
    await requireOrganizationRole(db, actor, organizationId);
    const { token } = await issueApiToken(db, { userId: actor.userId, name, organizationId });
    revalidatePath("/organizer/[orgSlug]/tokens", "page");
    return { ok: true, message: "Token created. Copy it now: it is shown only once.", created: { token } };
  },
);

export const revokeTokenAction = formAction(
  { access: "signed-in", schema: z.strictObject({ tokenId: pathId }) },
  async ({ tokenId }, actor) => {
    await revokeApiToken(services().db, { userId: actor.userId, tokenId });
    revalidatePath("/organizer/[orgSlug]/tokens", "page");
    return { ok: true, message: "Token revoked." };
  },
);
