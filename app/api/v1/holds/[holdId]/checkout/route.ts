import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { startCheckout } from "@/lib/orders/checkout";
import { services } from "@/lib/services";

export const POST = route({ access: "signed-in", params: idParams("holdId") }, async ({ actor, params, clientIp }) => {
  return json(await startCheckout(services(), { holdId: params.holdId, userId: actor.userId, clientIp }), 201);
});
