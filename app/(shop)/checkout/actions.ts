"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionClientIp, formAction } from "@/lib/actions";
import { pathId } from "@/lib/http-params";
import { abandonHold, startCheckout } from "@/lib/orders/checkout";
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

export const releaseAction = formAction(
  { access: "signed-in", schema: holdForm.extend({ eventSlug: pathId }) },
  async ({ holdId, eventSlug }, actor) => {
    await abandonHold(services(), { holdId, userId: actor.userId });
    redirect(`/events/${encodeURIComponent(eventSlug)}`);
  },
);
