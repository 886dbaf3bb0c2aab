import { z } from "zod";
import { config } from "@/lib/config";
import { route } from "@/lib/http";
import { eventCalendar } from "@/lib/orders/calendar";
import { orderForViewer } from "@/lib/orders/queries";
import { services } from "@/lib/services";

const params = z.object({ orderId: z.string().min(1).max(64) });

export const GET = route({ access: "signed-in", params }, async ({ actor, params }) => {
  const order = await orderForViewer(services().db, { orderId: params.orderId, actor });
  const { event } = order;
  const body = eventCalendar({
    uid: `${order.id}@marquee`,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    location: `${event.venue.name}, ${event.venue.address}, ${event.venue.city}`,
    description: `${order.tickets.length} ticket(s). Your tickets: ${config().APP_URL}/orders/${order.id}`,
    url: `${config().APP_URL}/orders/${order.id}`,
  });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${event.slug}.ics"`,
    },
  });
});
