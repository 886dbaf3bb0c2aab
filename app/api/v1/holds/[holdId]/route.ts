import { z } from "zod";
import { db } from "@/lib/db";
import { json, route } from "@/lib/http";
import { holdStore } from "@/lib/inventory";
import { abandonHold, ownHold } from "@/lib/orders/checkout";
import { paymentServices } from "@/lib/payments";

const params = z.object({ holdId: z.string().min(1).max(64) });

export const GET = route({ access: "signed-in", params }, async ({ actor, params }) => {
  return json(await ownHold(db, { holdId: params.holdId, userId: actor.userId }));
});

export const DELETE = route({ access: "signed-in", params }, async ({ actor, params }) => {
  await abandonHold(
    { db, store: holdStore(), gateway: paymentServices().gateway },
    { holdId: params.holdId, userId: actor.userId },
  );
  return new Response(null, { status: 204 });
});
