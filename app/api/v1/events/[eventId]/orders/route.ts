import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { authorizeEvent } from "@/lib/events/event-access";
import { listOrders, orderListQuery } from "@/lib/orders/order-list";
import { services } from "@/lib/services";

/** One event's orders for its organizers: search, filters, a sort, and cursor pages (docs/api.md). */
export const GET = route(
  { access: "signed-in", params: idParams("eventId"), query: orderListQuery },
  async ({ actor, params, query }) => {
    const { db } = services();
    const event = await authorizeEvent(db, actor, params.eventId);
    return json(await listOrders(db, { eventId: event.id }, query));
  },
);
