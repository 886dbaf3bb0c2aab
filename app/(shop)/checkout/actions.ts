"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionClientIp, formAction } from "@/lib/actions";
import { pathId } from "@/lib/http-params";
import { startCheckout } from "@/lib/orders/checkout";
import { services } from "@/lib/services";

const holdForm = z.strictObject({ holdId: pathId });

export const payAction = formAction({ access: "signed-in", schema: holdForm }, async ({ holdId }, actor) => {
  const { checkoutUrl } = await startCheckout(services(), {
    holdId,
    userId: actor.userId,
    clientIp: await actionClientIp(),
  });
  redirect(checkoutUrl);
});
