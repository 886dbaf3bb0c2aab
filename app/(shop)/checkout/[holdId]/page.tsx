import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckoutButtons } from "@/components/checkout/checkout-buttons";
import { Countdown } from "@/components/checkout/countdown";
import { heldWords } from "@/components/checkout/held-words";
import { requirePageActor } from "@/lib/auth/page-actor";
import { formatEventDate, formatMoney } from "@/lib/format";
import { checkoutView } from "@/lib/orders/checkout-view";
import { orNotFound } from "@/lib/pages";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

type Props = { params: Promise<{ holdId: string }>; searchParams: Promise<{ cancelled?: string }> };

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { holdId } = await params;
  const { cancelled } = await searchParams;
  const actor = await requirePageActor("signed-in", `/checkout/${holdId}`);
  const { db, clock } = services();
  const { hold, event, live, paidOrderId } = await orNotFound(() =>
    checkoutView(db, { holdId, userId: actor.userId, now: clock() }),
  );
  if (paidOrderId) redirect(`/orders/${paidOrderId}`);
  // The server's time as the page is made: the countdown and the switch to "Pick seats again" follow it.
  const serverNow = clock().toISOString();

  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">Checkout</h1>
      <p className="text-slate-700">
        {event.title} · {formatEventDate(event.startsAt, event.venue.timeZone)} · {event.venue.name}, {event.venue.city}
      </p>
      {cancelled && (
        <p role="status" className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
          Payment cancelled. {live ? "" : "Your tickets went back on sale."}
        </p>
      )}
      <section aria-labelledby="hold-heading" className="mt-4 rounded-2xl border border-slate-200 bg-white p-4">
        <div className="flex items-center justify-between">
          <h2 id="hold-heading" className="font-semibold">
            Your tickets
          </h2>
          {live ? (
            <Countdown
              until={hold.expiresAt.toISOString()}
              serverNow={serverNow}
              label="to complete payment"
              expiredText="Your hold has expired"
            />
          ) : (
            <span className="font-semibold text-red-700">This hold has ended</span>
          )}
        </div>
        <ul className="mt-3 divide-y divide-slate-100" data-testid="hold-items">
          {hold.items.map((item, i) => (
            <li key={i} className="flex justify-between py-2">
              <span>
                {item.quantity > 1 ? `${item.quantity} × ` : ""}
                {item.ticketTypeName}
                {item.seat && (
                  <span className="block text-sm text-slate-600">
                    Section {item.seat.section}, Row {item.seat.row}, Seat {item.seat.number}
                  </span>
                )}
              </span>
              <span className="font-medium">{formatMoney(item.unitAllInMinor * item.quantity, item.currency)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex justify-between border-t border-slate-200 pt-3 text-lg font-bold">
          <span>Total</span>
          <span data-testid="hold-total">{formatMoney(hold.totalMinor, hold.currency)}</span>
        </p>
        <p className="text-xs text-slate-600">Includes all fees. No charges are added at payment.</p>
      </section>
      {live ? (
        <CheckoutButtons
          holdId={hold.holdId}
          eventSlug={event.slug}
          total={formatMoney(hold.totalMinor, hold.currency)}
          what={heldWords(hold.items)}
          expiresAt={hold.expiresAt.toISOString()}
          serverNow={serverNow}
        />
      ) : (
        <Link
          href={`/events/${event.slug}`}
          className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white"
        >
          Pick seats again
        </Link>
      )}
    </div>
  );
}
