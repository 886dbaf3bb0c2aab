import "server-only";
import { z } from "zod";
import type { Db, DbOrTx } from "@/lib/db";
import type { EmailSender } from "@/lib/notifications/email/types";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";
import { formatEventDate, formatMoney, ticketPlace } from "@/lib/format";
import { escapeHtml } from "@/lib/notifications/email/html";
import { inSeatOrder } from "@/lib/seat-order";

export const ORDER_EMAIL_TOPIC = "email.order";

const orderEmailPayload = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("confirmed"), orderId: z.string() }),
  // amountMinor: what this refund returns (messages queued before it existed meant the whole total).
  z.object({
    kind: z.literal("refunded"),
    orderId: z.string(),
    reason: z.string(),
    amountMinor: z.number().optional(),
  }),
  // The event was cancelled: what this order gets back now, and the organizer's note, if any.
  z.object({ kind: z.literal("cancelled"), orderId: z.string(), refundMinor: z.number(), note: z.string().optional() }),
]);
type OrderEmail = z.infer<typeof orderEmailPayload>;

export function enqueueOrderEmail(db: DbOrTx, email: OrderEmail) {
  return enqueueOutbox(db, { topic: ORDER_EMAIL_TOPIC, payload: email });
}

export function orderEmailHandler(db: Db, sender: EmailSender, appUrl: string): OutboxHandler {
  return async (raw) => {
    const email = orderEmailPayload.parse(raw);
    const order = await db.order.findUniqueOrThrow({
      where: { id: email.orderId },
      select: {
        id: true,
        number: true,
        email: true,
        totalMinor: true,
        currency: true,
        event: {
          select: { title: true, startsAt: true, venue: { select: { name: true, city: true, timeZone: true } } },
        },
        tickets: {
          where: { status: "ISSUED" },
          select: {
            ticketType: { select: { name: true } },
            seat: { select: { section: true, row: true, number: true } },
          },
        },
        _count: { select: { tickets: true } },
      },
    });
    // The number people quote on the phone; the database id only ever appears inside the link.
    const orderLine = `Order #${order.number}`;
    const when = formatEventDate(order.event.startsAt, order.event.venue.timeZone);
    const link = `${appUrl}/orders/${order.id}`;
    const total = formatMoney(order.totalMinor, order.currency);
    const lines =
      email.kind === "confirmed"
        ? [
            `You're going to ${order.event.title}!`,
            `${when} at ${order.event.venue.name}, ${order.event.venue.city}.`,
            `${orderLine}: ${order._count.tickets} ${order._count.tickets === 1 ? "ticket" : "tickets"}, ${total} paid.`,
            // One paragraph, a line per ticket, in seat order.
            inSeatOrder(order.tickets)
              .map((ticket) => `• ${ticketPlace(ticket)}`)
              .join("\n"),
            `Your tickets: ${link}`,
          ]
        : email.kind === "refunded"
          ? [
              `We refunded ${email.amountMinor === undefined ? total : formatMoney(email.amountMinor, order.currency)} for your order #${order.number} for ${order.event.title}.`,
              email.reason,
              `The refund reaches your card in 5–10 days. Details: ${link}`,
            ]
          : [
              `${order.event.title} (${when} at ${order.event.venue.name}) has been cancelled, and your tickets (order #${order.number}) are no longer valid.`,
              ...(email.note ? [`From the organizer: ${email.note}`] : []),
              email.refundMinor > 0
                ? `We refunded ${formatMoney(email.refundMinor, order.currency)} to the card you paid with; it reaches your card in 5–10 days. You don't need to do anything. Details: ${link}`
                : `Nothing is left to refund for this order. Details: ${link}`,
            ];
    const subjects = {
      confirmed: `Your tickets: ${order.event.title}`,
      refunded: `Refund: ${order.event.title}`,
      cancelled: `Cancelled: ${order.event.title}`,
    };
    await sender.send({
      to: order.email,
      subject: subjects[email.kind],
      text: lines.join("\n\n"),
      html: lines.map((l) => `<p>${escapeHtml(l).replaceAll("\n", "<br>")}</p>`).join(""),
    });
  };
}
