import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { OrderNoteForm } from "@/components/orders/order-note-form";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { RefundForm } from "@/components/orders/refund-form";
import { ResendConfirmationForm } from "@/components/orders/resend-confirmation-form";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { formatEventDate, formatMoney } from "@/lib/format";
import { orderForOrganizer } from "@/lib/orders/organizer-order";
import { orNotFound } from "@/lib/pages";
import { seatName } from "@/lib/seat-order";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ orgSlug: string; orderId: string }> };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-bold">{title}</h2>
      {children}
    </section>
  );
}

const seatText = (seat: { section: string; row: string; number: string } | null) =>
  seat ? seatName(seat) : "General admission";

/** One order as its organizer sees it: tickets, refunds, the payment timeline, notes, and what can be done. */
export default async function OrganizerOrderPage({ params }: Props) {
  const { orgSlug, orderId } = await params;
  const { organization, actor } = await requireOrganizationPage(
    orgSlug,
    `/organizer/${orgSlug}/orders/${encodeURIComponent(orderId)}`,
  );
  const order = await orNotFound(() =>
    orderForOrganizer(services().db, { actor, orderId, organizationId: organization.id }),
  );
  const money = (minor: number) => formatMoney(minor, order.currency);
  const decided = order.refunds.filter((r) => r.status !== "FAILED").reduce((sum, r) => sum + r.amountMinor, 0);
  const refundable = order.totalMinor - Math.max(order.refundedMinor, decided);
  const canRefund = (order.status === "PAID" || order.status === "PARTIALLY_REFUNDED") && refundable > 0;
  const codeOf = new Map(order.tickets.map((t) => [t.id, t.code]));

  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm">
        <Link
          href={`/organizer/${orgSlug}/events/${encodeURIComponent(order.event.id)}/orders`}
          className="text-brand-700 underline"
        >
          ← Orders of {order.event.title}
        </Link>
      </p>
      <header className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold">Order #{order.number}</h1>
          <OrderStatusBadge status={order.status} />
        </div>
        <p className="text-slate-700">
          {order.user.name} · <span data-testid="order-email">{order.email}</span>
        </p>
        <p className="text-slate-700">
          {order.event.title} · {formatEventDate(order.event.startsAt, order.event.venue.timeZone)}
        </p>
        <p>
          <span className="font-semibold">{money(order.totalMinor)}</span>
          {decided > 0 && <span className="ml-2 text-slate-700">({money(decided)} refunded or on its way)</span>}
        </p>
        {order.statusReason && <p className="text-sm text-slate-600">{order.statusReason}</p>}
      </header>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-5">
          <Card title="Tickets">
            <ul className="flex flex-col divide-y divide-slate-200" data-testid="organizer-tickets">
              {order.tickets.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <p className="font-medium">
                      {t.ticketType.name} · {seatText(t.seat)}
                    </p>
                    <p className="font-mono text-sm text-slate-600">{t.code}</p>
                  </div>
                  <p className="text-sm">
                    {money(t.refundValueMinor)} ·{" "}
                    {t.status === "VOIDED" ? (
                      <span className="font-semibold text-red-700">Void</span>
                    ) : t.checkedInAt ? (
                      `Checked in ${dateTime.format(t.checkedInAt)} UTC`
                    ) : (
                      "Valid"
                    )}
                  </p>
                </li>
              ))}
            </ul>
            {order.tickets.length === 0 && <p className="text-sm text-slate-600">No tickets were issued.</p>}
          </Card>

          <Card title="Refunds">
            {order.refunds.length === 0 ? (
              <p className="text-sm text-slate-600">None.</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm" data-testid="organizer-refunds">
                {order.refunds.map((r) => (
                  <li key={r.id}>
                    <span className="font-semibold">{money(r.amountMinor)}</span> · {r.status.toLowerCase()}
                    {r.external ? " · in the payment provider's dashboard" : ""} · {dateTime.format(r.createdAt)} UTC
                    <span className="block text-slate-600">
                      {r.reason}
                      {r.ticketIds.length > 0 &&
                        ` · tickets ${r.ticketIds.map((id) => codeOf.get(id) ?? id).join(", ")}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {canRefund && (
              <RefundForm
                orgSlug={orgSlug}
                orderId={order.id}
                currency={order.currency}
                idempotencyKey={randomUUID()}
                refundable={money(refundable)}
                tickets={order.tickets
                  .filter((t) => t.status === "ISSUED")
                  .map((t) => ({
                    id: t.id,
                    code: t.code,
                    label: `${t.ticketType.name} · ${seatText(t.seat)}`,
                    value: money(t.refundValueMinor),
                  }))}
              />
            )}
          </Card>

          <Card title="Timeline">
            <ol className="flex flex-col gap-2 text-sm" data-testid="order-timeline">
              {order.timeline.map((entry, i) => (
                <li key={i} className="grid grid-cols-[11rem_1fr] gap-2">
                  <span className="text-slate-600">{dateTime.format(entry.at)}</span>
                  <span>
                    <span className="font-medium">{entry.label}</span>
                    {entry.by && <span className="text-slate-600"> by {entry.by}</span>}
                    {entry.detail && <span className="block text-slate-600">{entry.detail}</span>}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <aside className="flex flex-col gap-5">
          <Card title="Buyer">
            {(order.status === "PAID" || order.status === "PARTIALLY_REFUNDED") && (
              <ResendConfirmationForm orgSlug={orgSlug} orderId={order.id} />
            )}
            <p className="text-sm text-slate-600">
              Items: subtotal {money(order.subtotalMinor)}, fees {money(order.feesMinor)}.
            </p>
          </Card>
          <Card title="Notes">
            <ul className="flex flex-col gap-2 text-sm" data-testid="order-notes">
              {order.notes.map((n) => (
                <li key={n.id}>
                  <p className="whitespace-pre-wrap">{n.body}</p>
                  <p className="text-xs text-slate-600">
                    {n.author?.name ?? "Someone"} · {dateTime.format(n.createdAt)} UTC
                  </p>
                </li>
              ))}
            </ul>
            <OrderNoteForm orgSlug={orgSlug} orderId={order.id} />
          </Card>
        </aside>
      </div>
    </div>
  );
}
