import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { abandonHold, ownHold } from "@/lib/orders/checkout";
import { services } from "@/lib/services";

const params = idParams("holdId");

export const GET = route({ access: "signed-in", params }, async ({ actor, params }) => {
  return json(await ownHold(services().db, { holdId: params.holdId, userId: actor.userId }));
});

export const DELETE = route({ access: "signed-in", params }, async ({ actor, params }) => {
  await abandonHold(services(), { holdId: params.holdId, userId: actor.userId });
  return new Response(null, { status: 204 });
});
