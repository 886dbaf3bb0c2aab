import { idParams } from "@/lib/http-params";
import { json, route } from "@/lib/http";
import { orderForViewer } from "@/lib/orders/queries";
import { services } from "@/lib/services";

const params = idParams("orderId");

export const GET = route({ access: "signed-in", params }, async ({ actor, params }) => {
  return json(await orderForViewer(services().db, { orderId: params.orderId, actor }));
});
