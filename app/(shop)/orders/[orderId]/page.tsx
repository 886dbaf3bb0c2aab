import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/checkout/auto-refresh";
import { TicketQr } from "@/components/checkout/ticket-qr";
import { requirePageActor } from "@/lib/auth/page-actor";
import { formatEventDate, formatMoney } from "@/lib/format";
import { orderForViewer } from "@/lib/orders/queries";
import { orNotFound } from "@/lib/pages";
import { seatName } from "@/lib/seat-order";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

const statusText: Record<string, string> = {
  PENDING: "Waiting for payment",
  PAID: "Paid",
  REFUNDED: "Refunded",
  PARTIALLY_REFUNDED: "Partly refunded",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
};

/** Where the confirmation went (or will go), so a fan who cannot find it knows which inbox to look in. */
function ConfirmationNote({ status, email }: { status: string; email: string }) {
  const sent = status === "PAID" || status === "PARTIALLY_REFUNDED" || status === "REFUNDED";
  if (!sent && status !== "PENDING") return null;
  return (
    <p className="mt-3 text-slate-700" data-testid="confirmation-email">
      {sent ? "Confirmation sent to " : "We will send the confirmation to "}
      <strong className="font-semibold text-slate-900">{email}</strong>
      {sent ? "." : " once the payment is confirmed."}
    </p>
  );
}

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const actor = await requirePageActor("signed-in", `/orders/${orderId}`);
  const order = await orNotFound(() => orderForViewer(services().db, { orderId, actor }));
  const { event } = order;
  const openPayment = order.payments.find((p) => p.status === "PENDING" && "checkoutUrl" in p);
  // Decided is not done: until the provider confirms, the money has not gone back yet.
  const refundPending = order.refunds.some((r) => r.status !== "SUCCEEDED");
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm text-slate-600">Order #{order.number}</p>
      <h1 className="text-2xl font-bold">{event.title}</h1>
      <p className="text-slate-700">
        {formatEventDate(event.startsAt, event.venue.timeZone)} · {event.venue.name}, {event.venue.address},{" "}
        {event.venue.city}
      </p>
      <p className="mt-3">
        <span
          data-testid="order-status"
          className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-900"
        >
          {refundPending ? "Refund pending" : (statusText[order.status] ?? order.status)}
        </span>
        <span className="ml-3 font-semibold">{formatMoney(order.totalMinor, order.currency)}</span>
        {order.refundedMinor > 0 && (
          <span className="ml-2 text-slate-700">({formatMoney(order.refundedMinor, order.currency)} refunded)</span>
        )}
      </p>
      {order.statusReason && <p className="mt-2 text-slate-700">{order.statusReason}</p>}
      <ConfirmationNote status={order.status} email={order.email} />

      {order.refunds.length > 0 && (
        <section aria-labelledby="refunds-heading" className="mt-6">
          <h2 id="refunds-heading" className="text-lg font-bold">
            Refunds
          </h2>
          <ul className="mt-2 flex flex-col gap-2" data-testid="refunds">
            {order.refunds.map((refund) => (
              <li key={refund.createdAt.toISOString()} className="rounded-xl border border-slate-200 bg-white p-3">
                <p>
                  <span className="font-semibold">{formatMoney(refund.amountMinor, order.currency)}</span> ·{" "}
                  {refund.status === "SUCCEEDED"
                    ? "refunded"
                    : refund.status === "PENDING"
                      ? "on its way to your card"
                      : "could not be paid out yet; we are on it"}{" "}
                  · {formatEventDate(refund.createdAt, event.venue.timeZone)}
                </p>
                <p className="text-sm text-slate-700">{refund.reason}</p>
                {refund.ticketIds.length > 0 && (
                  <p className="text-sm text-slate-700">
                    Void:{" "}
                    {order.tickets
                      .filter((t) => refund.ticketIds.includes(t.id))
                      .map((t) => t.code)
                      .join(", ")}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {order.status === "PENDING" && (
        <div role="status" className="mt-4 rounded-lg bg-amber-50 p-3 text-amber-900">
          <AutoRefresh />
          We are confirming your payment. This page updates by itself.
          {openPayment && "checkoutUrl" in openPayment && openPayment.checkoutUrl && (
            <>
              {" "}
              Not paid yet?{" "}
              <a href={openPayment.checkoutUrl} className="font-semibold underline">
                Return to payment
              </a>
            </>
          )}
        </div>
      )}

      {order.tickets.length > 0 && (
        <section aria-labelledby="tickets-heading" className="mt-6">
          <div className="flex items-center justify-between">
            <h2 id="tickets-heading" className="text-lg font-bold">
              Your tickets
            </h2>
            <a href={`/orders/${order.id}/calendar.ics`} className="text-sm font-medium text-brand-700 underline">
              Add to calendar
            </a>
          </div>
          <ul className="mt-3 flex flex-col gap-3" data-testid="tickets">
            {order.tickets.map((ticket) => (
              <li key={ticket.code} className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-4">
                <TicketQr code={ticket.code} />
                <div>
                  <p className="font-semibold">{ticket.ticketType.name}</p>
                  <p className="text-slate-700">{ticket.seat ? seatName(ticket.seat) : "General admission"}</p>
                  <p className="mt-1 text-sm text-slate-600">
                    {ticket.seat ? `Enter at the gate for section ${ticket.seat.section}.` : "Enter at any gate."} Doors
                    open one hour before the start.
                  </p>
                  <p className="mt-2 font-mono text-sm" data-testid="ticket-code">
                    {ticket.code}
                  </p>
                  {ticket.status === "VOIDED" && <p className="font-semibold text-red-700">Voided</p>}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="mt-8">
        <Link href="/account/tickets" className="text-brand-700 underline">
          All my tickets
        </Link>
      </p>
    </div>
  );
}
