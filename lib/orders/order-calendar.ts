import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { eventCalendar } from "./calendar";
import { orderForViewer } from "./queries";

/** The .ics file of an order's event, for whoever may see the order; its file name follows the event. */
export async function orderCalendar(db: DbOrTx, options: { orderId: string; actor: Actor; appUrl: string }) {
  const order = await orderForViewer(db, options);
  const { event } = order;
  const link = `${options.appUrl}/orders/${order.id}`;
  return {
    fileName: `${event.slug}.ics`,
    body: eventCalendar({
      uid: `${order.id}@marquee`,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      location: `${event.venue.name}, ${event.venue.address}, ${event.venue.city}`,
      description: `${order.tickets.length} ticket(s). Your tickets: ${link}`,
      url: link,
    }),
  };
}
