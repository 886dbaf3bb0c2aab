import "server-only";
import Stripe from "stripe";
import { paymentsBusy } from "./checkout-meter";
import type { CheckoutSessionView, CreateCheckoutSessionInput, PaymentGateway, RefundView } from "./gateway";

export type StripeGatewayOptions = {
  secretKey: string;
  /** Where Stripe's API is; tests point this at a local fake. Defaults to https://api.stripe.com. */
  apiBase?: { host: string; port: number; protocol: "http" | "https" };
};

const MINUTE_MS = 60_000;
// Stripe accepts an expires_at 30 minutes to 24 hours after the session is created.
const MIN_SESSION_MS = 30 * MINUTE_MS;
const MAX_SESSION_MS = 24 * 60 * MINUTE_MS;
// Stripe checks the window against its own clock when the request arrives, which
// can be later than our `now` by clock skew, the request time-out and the SDK's
// retries (3 attempts of at most 15 s, plus back-off).
const SLACK_MS = 2 * MINUTE_MS;

const SESSION_STATUSES = ["open", "complete", "expired"] as const;
const PAYMENT_STATUSES = ["paid", "unpaid", "no_payment_required"] as const;
const REFUND_STATUSES = ["pending", "succeeded", "failed", "canceled", "requires_action"] as const;

/**
 * The expires_at (unix seconds) to send for a requested closing time, kept
 * inside Stripe's window.
 */
function stripeExpiresAt(requested: Date, now: Date): number {
  const earliest = now.getTime() + MIN_SESSION_MS + SLACK_MS;
  const latest = now.getTime() + MAX_SESSION_MS - SLACK_MS;
  let expiresAt = requested.getTime();
  if (expiresAt > latest) {
    expiresAt = latest;
  } else if (expiresAt < earliest) {
    // Holds are shorter than Stripe's minimum. Extending the requested time by
    // whole 30-minute steps, rather than jumping to "now + 30 min", sends the
    // same expires_at when the same checkout is retried minutes later with the
    // same idempotency key: Stripe refuses a reused key whose parameters differ.
    // The caller closes the page itself when the hold lapses.
    expiresAt += Math.ceil((earliest - expiresAt) / MIN_SESSION_MS) * MIN_SESSION_MS;
  }
  return Math.floor(expiresAt / 1000);
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null, what: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`Stripe returned an unexpected ${what}: ${String(value)}`);
  return found;
}

/**
 * Asked for with every session read: the PaymentIntent with its latest Charge, whose
 * payment_method_details.card.fingerprint names the card that paid, in the same call.
 */
const SESSION_EXPAND = ["payment_intent.latest_charge"];

/** The paying card's fingerprint, when the session was read with SESSION_EXPAND and a card paid. */
function cardFingerprintOf(paymentIntent: Stripe.Checkout.Session["payment_intent"]): string | null {
  if (paymentIntent === null || typeof paymentIntent === "string") return null;
  const charge = paymentIntent.latest_charge;
  if (charge === null || typeof charge === "string") return null;
  return charge.payment_method_details?.card?.fingerprint ?? null;
}

function toSessionView(session: Stripe.Checkout.Session): CheckoutSessionView {
  // Both are null only for sessions that take no payment (setup mode), which we never create.
  if (session.amount_total === null || session.currency === null) {
    throw new Error(`Stripe checkout session ${session.id} has no amount_total or currency`);
  }
  const paymentIntent = session.payment_intent;
  return {
    id: session.id,
    status: oneOf(SESSION_STATUSES, session.status, "checkout session status"),
    paymentStatus: oneOf(PAYMENT_STATUSES, session.payment_status, "checkout session payment_status"),
    paymentIntentId: typeof paymentIntent === "string" ? paymentIntent : (paymentIntent?.id ?? null),
    amountTotal: session.amount_total,
    currency: session.currency.toUpperCase(),
    orderId: session.metadata?.orderId ?? session.client_reference_id ?? null,
    url: session.url,
    expiresAt: new Date(session.expires_at * 1000),
    cardFingerprint: cardFingerprintOf(paymentIntent),
  };
}

function sessionParams(input: CreateCheckoutSessionInput, now: Date): Stripe.Checkout.SessionCreateParams {
  const currency = input.currency.toLowerCase();
  return {
    mode: "payment",
    line_items: input.lineItems.map((item) => ({
      price_data: { currency, unit_amount: item.unitAmountMinor, product_data: { name: item.name } },
      quantity: item.quantity,
    })),
    client_reference_id: input.orderId,
    metadata: { orderId: input.orderId },
    // Copied onto the PaymentIntent so payment_intent.* and charge.* webhooks lead back to the order.
    payment_intent_data: { metadata: { orderId: input.orderId } },
    customer_email: input.customerEmail,
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
    expires_at: stripeExpiresAt(input.expiresAt, now),
  };
}

/** Stripe Checkout (hosted payment page) behind our PaymentGateway. */
export function stripeGateway(options: StripeGatewayOptions): PaymentGateway {
  // No apiVersion: the SDK's types describe its pinned version, so we keep that one.
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(options.apiBase ?? {}),
  });

  return {
    kind: "stripe",

    async createCheckoutSession(input) {
      const session = await stripe.checkout.sessions
        .create(sessionParams(input, new Date()), { idempotencyKey: input.idempotencyKey })
        .catch((error: unknown) => {
          // Over the account's limit despite our meter (another app on the account, or a lower limit):
          // the fan is told to try again, as when our meter refuses. Stripe's window is a second.
          if (error instanceof Stripe.errors.StripeRateLimitError) throw paymentsBusy(1);
          throw error;
        });
      // Null only for embedded or custom UI modes; we always ask for the hosted page.
      if (session.url === null) throw new Error(`Stripe checkout session ${session.id} has no url`);
      return { id: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000) };
    },

    async retrieveCheckoutSession(sessionId) {
      return toSessionView(await stripe.checkout.sessions.retrieve(sessionId, { expand: SESSION_EXPAND }));
    },

    async expireCheckoutSession(sessionId) {
      try {
        await stripe.checkout.sessions.expire(sessionId);
      } catch (error) {
        const refused =
          error instanceof Stripe.errors.StripeInvalidRequestError &&
          error.statusCode === 400 &&
          error.rawType === "invalid_request_error";
        if (!refused) throw error;
        // Stripe says "no longer open" only in prose, with no error code, so
        // the session's own status decides whether there is anything left to do.
        const session = await stripe.checkout.sessions.retrieve(sessionId);
        if (session.status === "open") throw error;
      }
    },

    async refund(input): Promise<RefundView> {
      const refund = await stripe.refunds.create(
        {
          payment_intent: input.paymentIntentId,
          amount: input.amountMinor,
          reason: input.reason,
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { id: refund.id, status: oneOf(REFUND_STATUSES, refund.status, "refund status") };
    },

    async retrieveRefund(refundId): Promise<RefundView> {
      const refund = await stripe.refunds.retrieve(refundId);
      return { id: refund.id, status: oneOf(REFUND_STATUSES, refund.status, "refund status") };
    },
  };
}
