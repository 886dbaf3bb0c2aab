"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { holdStore } from "@/lib/inventory";
import { abandonHold, startCheckout } from "@/lib/orders/checkout";
import { paymentServices } from "@/lib/payments";

const holdForm = z.strictObject({ holdId: z.string().min(1).max(64) });

export const payAction = formAction({ access: "signed-in", schema: holdForm }, async ({ holdId }, actor) => {
  const deps = { db, store: holdStore(), gateway: paymentServices().gateway, appUrl: config().APP_URL };
  const { checkoutUrl } = await startCheckout(deps, { holdId, userId: actor.userId });
  redirect(checkoutUrl);
});

export const releaseAction = formAction(
  { access: "signed-in", schema: holdForm.extend({ eventSlug: z.string().max(200) }) },
  async ({ holdId, eventSlug }, actor) => {
    await abandonHold({ db, store: holdStore(), gateway: paymentServices().gateway }, { holdId, userId: actor.userId });
    redirect(`/events/${encodeURIComponent(eventSlug)}`);
  },
);
