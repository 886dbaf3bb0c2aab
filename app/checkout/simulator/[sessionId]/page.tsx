import type { Metadata } from "next";
import { SimulatorPayForm } from "@/components/simulator/pay-form";
import Link from "next/link";
import { formatMoney } from "@/lib/format";
import { paymentPageReturn } from "@/lib/orders/payment-return";
import { orNotFound } from "@/lib/pages";
import { suggestedTestCard } from "@/lib/payments/simulator";
import { simulatorOrNotFound } from "@/lib/payments/simulator-access";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Test payment", robots: { index: false } };
export const dynamic = "force-dynamic";

type LineItem = { name: string; unitAmountMinor: number; quantity: number };

/** The payment simulator's checkout page: what Stripe Checkout would show, in test mode. */
export default async function SimulatorPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const session = await orNotFound(() => simulatorOrNotFound(services().simulator).load(sessionId));
  const items = session.lineItems as LineItem[];
  const open = session.status === "open" && session.expiresAt > services().clock();
  // A page that can't take a payment is no dead end: on to the order, or back to the event.
  const onward = open ? null : await paymentPageReturn(services().db, session.orderId);
  return (
    <main className="flex-1 bg-slate-100">
      <div role="note" className="bg-amber-400 px-4 py-2 text-center font-semibold text-slate-900">
        TEST MODE — payment simulator. No real money moves. Stripe is not configured on this site.
      </div>
      <div className="mx-auto max-w-md px-4 py-8">
        <h1 className="text-sm font-normal text-slate-600">Pay Marquee</h1>
        <p className="text-3xl font-bold" data-testid="simulator-total">
          {formatMoney(session.amountTotal, session.currency)}
        </p>
        <ul className="mt-4 divide-y divide-slate-200 rounded-xl bg-white p-4 text-sm">
          {items.map((item, i) => (
            <li key={i} className="flex justify-between gap-4 py-2">
              <span>
                {item.name}
                {item.quantity > 1 ? ` × ${item.quantity}` : ""}
              </span>
              <span>{formatMoney(item.unitAmountMinor * item.quantity, session.currency)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-slate-600">Receipt to {session.customerEmail}</p>
        {open ? (
          <SimulatorPayForm
            sessionId={session.id}
            total={formatMoney(session.amountTotal, session.currency)}
            suggestedCard={suggestedTestCard(session.id)}
          />
        ) : (
          <div className="mt-6 flex flex-col gap-3 rounded-lg bg-white p-4">
            <p role="status" className="font-medium">
              {onward?.kind === "order"
                ? "This order is already paid."
                : "This payment page has expired, and nothing was charged."}
            </p>
            {onward && (
              <Link
                href={onward.href}
                className="rounded-lg bg-brand-600 px-4 py-2.5 text-center font-semibold text-white hover:bg-brand-700"
              >
                {onward.label}
              </Link>
            )}
          </div>
        )}
      </div>
    </main>
  );
}
