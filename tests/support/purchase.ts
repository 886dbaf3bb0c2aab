import { randomUUID } from "node:crypto";
import { POST as createHoldRoute } from "@/app/api/v1/events/[eventId]/holds/route";
import { POST as checkoutRoute } from "@/app/api/v1/holds/[holdId]/checkout/route";
import { DELETE as releaseHoldRoute } from "@/app/api/v1/holds/[holdId]/route";
import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { POST as cancelRoute } from "@/app/checkout/simulator/[sessionId]/cancel/route";
import { POST as payRoute } from "@/app/checkout/simulator/[sessionId]/pay/route";
import { db } from "@/lib/db";
import { SIMULATOR_WEBHOOK_SECRET, signWebhookPayload } from "@/lib/payments/signing";
import { stripeFixture } from "./fake-stripe";
import { bearer, call } from "./http";

export async function holdTickets(token: string, eventId: string, body: unknown) {
  return call(createHoldRoute, { method: "POST", headers: bearer(token), params: { eventId }, body });
}

export async function checkout(token: string, holdId: string) {
  return call(checkoutRoute, { method: "POST", headers: bearer(token), params: { holdId } });
}

export async function releaseHold(token: string, holdId: string) {
  return call(releaseHoldRoute, { method: "DELETE", headers: bearer(token), params: { holdId } });
}

export function sessionIdOf(checkoutUrl: string): string {
  return checkoutUrl.split("/").pop()!;
}

export async function pay(sessionId: string, card?: string) {
  return call(payRoute, { method: "POST", params: { sessionId }, ...(card ? { body: { card } } : {}) });
}

export async function cancel(sessionId: string) {
  return call(cancelRoute, { method: "POST", params: { sessionId } });
}

/** Holds, checks out and pays in the simulator; returns the ids involved. */
export async function buy(token: string, eventId: string, body: unknown) {
  const hold = await holdTickets(token, eventId, body);
  if (hold.status !== 201) throw new Error(`hold failed: ${JSON.stringify(hold.json)}`);
  const started = await checkout(token, hold.json.holdId);
  if (started.status !== 201) throw new Error(`checkout failed: ${JSON.stringify(started.json)}`);
  const sessionId = sessionIdOf(started.json.checkoutUrl);
  const paid = await pay(sessionId);
  return { holdId: hold.json.holdId as string, orderId: started.json.orderId as string, sessionId, paid };
}

/** Posts an event to the webhook endpoint, signed as Stripe signs it (or with `signature` as given). */
export async function deliverWebhook(event: object, options: { signature?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event);
  const signature = options.signature ?? signWebhookPayload(payload, SIMULATOR_WEBHOOK_SECRET, options.timestamp);
  return call(webhookRoute, { method: "POST", body: payload, headers: { "stripe-signature": signature } });
}

export function orderState(orderId: string) {
  return db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      statusReason: true,
      refundedMinor: true,
      totalMinor: true,
      tickets: { select: { code: true, status: true, seatId: true } },
      refunds: { select: { amountMinor: true, status: true, reason: true } },
      payments: { select: { status: true, providerPaymentId: true, failureMessage: true } },
    },
  });
}

/** A Stripe-shaped event (Stripe's own example objects) for a simulator session as it stands now. */
export async function sessionEvent(type: string, sessionId: string) {
  const session = await db.simulatorSession.findUniqueOrThrow({ where: { id: sessionId } });
  return {
    ...stripeFixture("event"),
    id: `evt_${randomUUID()}`,
    type,
    data: {
      object: {
        ...stripeFixture("checkout.session"),
        id: session.id,
        client_reference_id: session.orderId,
        metadata: { orderId: session.orderId },
        payment_status: session.paymentStatus,
        status: session.status,
        amount_total: session.amountTotal,
        currency: session.currency.toLowerCase(),
      },
    },
  };
}
