"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { email } from "@/lib/auth/schemas";
import { userByEmail } from "@/lib/auth/user-admin";
import { pathId } from "@/lib/http-params";
import {
  createOrganization,
  organizationName,
  organizationSlug,
  setOrganizationOwner,
} from "@/lib/auth/organization-admin";
import { services } from "@/lib/services";

export const createOrganizationAction = formAction(
  {
    access: ADMIN_ACCESS,
    schema: z.strictObject({ name: organizationName, slug: organizationSlug, ownerEmail: email }),
    echo: ["name", "slug", "ownerEmail"],
  },
  async ({ name, slug, ownerEmail }, admin) => {
    const { db } = services();
    const owner = await userByEmail(db, ownerEmail);
    const organization = await createOrganization(db, admin, { name, slug, ownerId: owner.id });
    redirect(`/admin/organizations/${organization.id}?created=1`);
  },
);

export const setOwnerAction = formAction(
  {
    access: ADMIN_ACCESS,
    schema: z.strictObject({
      organizationId: pathId,
      ownerEmail: email,
      // A checkbox: present when ticked.
      replace: z.literal("on").optional(),
    }),
    echo: ["ownerEmail"],
  },
  async ({ organizationId, ownerEmail, replace }, admin) => {
    const { db } = services();
    const owner = await userByEmail(db, ownerEmail);
    await setOrganizationOwner(db, admin, { organizationId, ownerId: owner.id, replace: replace === "on" });
    revalidatePath("/admin", "layout");
    return { ok: true, message: `${owner.email} is now an owner.` };
  },
);
