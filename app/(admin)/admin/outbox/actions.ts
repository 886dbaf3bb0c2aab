"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { pathId } from "@/lib/http-params";
import { retryOutboxMessage } from "@/lib/notifications/outbox";
import { services } from "@/lib/services";

export const retryOutboxAction = formAction(
  { access: ADMIN_ACCESS, schema: z.strictObject({ messageId: pathId }) },
  async ({ messageId }, admin) => {
    const { db, clock } = services();
    await retryOutboxMessage(db, { messageId, now: clock(), adminId: admin.userId });
    revalidatePath("/admin", "layout");
    return { ok: true, message: "Queued to be sent again now." };
  },
);
