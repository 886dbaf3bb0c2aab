"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { applicationInput, submitApplication } from "@/lib/organizations/applications";
import { services } from "@/lib/services";

export const applyAction = formAction(
  { access: "signed-in", schema: applicationInput, echo: ["organizationName", "website", "about"] },
  async (input, actor) => {
    await submitApplication(services().db, actor, input);
    revalidatePath("/for-organizers");
    return { ok: true, message: "Thanks! We'll e-mail you when an admin has looked at it." };
  },
);
