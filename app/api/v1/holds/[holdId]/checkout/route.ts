import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { json, route } from "@/lib/http";
import { holdStore } from "@/lib/inventory";
import { startCheckout } from "@/lib/orders/checkout";
import { paymentServices } from "@/lib/payments";

const params = z.object({ holdId: z.string().min(1).max(64) });

export const POST = route({ access: "signed-in", params }, async ({ actor, params }) => {
  const deps = { db, store: holdStore(), gateway: paymentServices().gateway, appUrl: config().APP_URL };
  const checkout = await startCheckout(deps, { holdId: params.holdId, userId: actor.userId });
  return json(checkout, 201);
});
