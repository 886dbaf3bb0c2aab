"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { changeUserRole, setUserDisabled } from "@/lib/auth/user-admin";
import { pathId } from "@/lib/http-params";
import { services } from "@/lib/services";

export const changeRoleAction = formAction(
  {
    access: ADMIN_ACCESS,
    schema: z.strictObject({ userId: pathId, role: z.enum(["FAN", "ORGANIZER", "ADMIN"], "choose a role") }),
  },
  async ({ userId, role }, admin) => {
    await changeUserRole(services().db, admin, { userId, role });
    revalidatePath("/admin", "layout");
    return { ok: true, message: `Role set to ${role.toLowerCase()}.` };
  },
);

export const setDisabledAction = formAction(
  { access: ADMIN_ACCESS, schema: z.strictObject({ userId: pathId, disabled: z.enum(["true", "false"]) }) },
  async ({ userId, disabled }, admin) => {
    await setUserDisabled(services().db, admin, { userId, disabled: disabled === "true" });
    revalidatePath("/admin", "layout");
    return { ok: true, message: disabled === "true" ? "Account disabled." : "Account enabled." };
  },
);
