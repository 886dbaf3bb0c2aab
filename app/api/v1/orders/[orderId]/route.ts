import { z } from "zod";
import { json, route } from "@/lib/http";
import { orderForViewer } from "@/lib/orders/queries";
import { services } from "@/lib/services";

const params = z.object({ orderId: z.string().min(1).max(64) });

export const GET = route({ access: "signed-in", params }, async ({ actor, params }) => {
  return json(await orderForViewer(services().db, { orderId: params.orderId, actor }));
});
