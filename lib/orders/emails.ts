import "server-only";
import { z } from "zod";
import type { Db, DbOrTx } from "@/lib/db";
import type { EmailSender } from "@/lib/notifications/email/types";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";
import { formatEventDate, formatMoney } from "@/lib/format";

export const ORDER_EMAIL_TOPIC = "email.order";

const orderEmailPayload = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("confirmed"), orderId: z.string() }),
  z.object({ kind: z.literal("refunded"), orderId: z.string(), reason: z.string() }),
]);
type OrderEmail = z.infer<typeof orderEmailPayload>;

export function enqueueOrderEmail(db: DbOrTx, email: OrderEmail) {
  return enqueueOutbox(db, { topic: ORDER_EMAIL_TOPIC, payload: email });
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function orderEmailHandler(db: Db, sender: EmailSender, appUrl: string): OutboxHandler {
  return async (raw) => {
    const email = orderEmailPayload.parse(raw);
    const order = await db.order.findUniqueOrThrow({
      where: { id: email.orderId },
      select: {
        id: true,
        email: true,
        totalMinor: true,
        currency: true,
        event: {
          select: { title: true, startsAt: true, venue: { select: { name: true, city: true, timeZone: true } } },
        },
        _count: { select: { tickets: true } },
      },
    });
    const when = formatEventDate(order.event.startsAt, order.event.venue.timeZone);
    const link = `${appUrl}/orders/${order.id}`;
    const total = formatMoney(order.totalMinor, order.currency);
    const lines =
      email.kind === "confirmed"
        ? [
            `You're going to ${order.event.title}!`,
            `${when} at ${order.event.venue.name}, ${order.event.venue.city}.`,
            `${order._count.tickets} ticket(s), ${total} paid. Your tickets: ${link}`,
          ]
        : [
            `We refunded ${total} for your order for ${order.event.title}.`,
            email.reason,
            `The refund reaches your card in 5–10 days. Details: ${link}`,
          ];
    await sender.send({
      to: order.email,
      subject: email.kind === "confirmed" ? `Your tickets: ${order.event.title}` : `Refund: ${order.event.title}`,
      text: lines.join("\n\n"),
      html: lines.map((l) => `<p>${escape(l)}</p>`).join(""),
    });
  };
}
