"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { pathId } from "@/lib/http-params";
import { approveApplication, rejectApplication } from "@/lib/organizations/applications";
import { organizationSlug } from "@/lib/auth/organization-admin";
import { services } from "@/lib/services";

export const approveApplicationAction = formAction(
  { access: ADMIN_ACCESS, schema: z.strictObject({ applicationId: pathId, slug: organizationSlug }) },
  async ({ applicationId, slug }, admin) => {
    const organization = await approveApplication(services().db, admin, { applicationId, slug });
    revalidatePath("/admin", "layout");
    return { ok: true, message: `Approved: ${organization.name} is at /organizer/${organization.slug}.` };
  },
);

export const rejectApplicationAction = formAction(
  {
    access: ADMIN_ACCESS,
    schema: z.strictObject({
      applicationId: pathId,
      reason: z.string().trim().min(3, "tell the applicant why").max(1000),
    }),
  },
  async ({ applicationId, reason }, admin) => {
    await rejectApplication(services().db, admin, { applicationId, reason });
    revalidatePath("/admin", "layout");
    return { ok: true, message: "Rejected; the applicant is told why." };
  },
);
