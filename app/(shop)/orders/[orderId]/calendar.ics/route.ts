import { route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { orderCalendar } from "@/lib/orders/order-calendar";
import { services } from "@/lib/services";

export const GET = route({ access: "signed-in", params: idParams("orderId") }, async ({ actor, params }) => {
  const { db, appUrl } = services();
  const { fileName, body } = await orderCalendar(db, { orderId: params.orderId, actor, appUrl });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
    },
  });
});
