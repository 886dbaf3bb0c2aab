import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createRateLimiter } from "@/lib/rate-limit";
import { DEFAULT_CHECKOUT_SESSIONS_PER_SECOND, paymentsBusy } from "./checkout-meter";
import type { CheckoutSessionView, CreateCheckoutSessionInput, PaymentGateway } from "./gateway";
import { signWebhookPayload } from "./signing";

/** The card number that always declines, as in Stripe's test mode. */
export const DECLINING_CARD = "4000000000000002";

/**
 * The card number a payment page suggests: a test Visa of its own per session, so fans (and test runs)
 * who just press Pay do not all pay with one card and meet its per-event limit; typing a number
 * again is paying with that card again.
 */
export function suggestedTestCard(sessionId: string): string {
  const digits = BigInt(`0x${createHmac("sha256", "marquee-test-card").update(sessionId).digest("hex").slice(0, 12)}`);
  const tail = (digits % 100_000_000n).toString().padStart(8, "0");
  return `4242 4242 ${tail.slice(0, 4)} ${tail.slice(4)}`;
}

/**
 * What the simulator reports as a card's fingerprint: like Stripe's, the same for every payment with one
 * card number and no way back to the number (a keyed hash, 16 characters as Stripe's are).
 */
export function simulatedCardFingerprint(secret: string, card: string): string {
  return createHmac("sha256", secret)
    .update(`card-fingerprint:${card.replace(/\D/g, "")}`)
    .digest("base64url")
    .slice(0, 16);
}

const randomId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url")}`;

type Session = Awaited<ReturnType<Db["simulatorSession"]["findUniqueOrThrow"]>>;

/** Delivers a signed webhook to our own endpoint logic, exactly as Stripe would post it. */
export type WebhookDelivery = (rawBody: string, signature: string) => Promise<void>;

function sessionObject(session: Session) {
  // The fields of Stripe's checkout.session object that webhook consumers read, in Stripe's shape.
  return {
    id: session.id,
    object: "checkout.session",
    amount_subtotal: session.amountTotal,
    amount_total: session.amountTotal,
    cancel_url: session.cancelUrl,
    client_reference_id: session.clientReferenceId,
    created: Math.floor(session.createdAt.getTime() / 1000),
    currency: session.currency.toLowerCase(),
    customer_details: { email: session.customerEmail },
    customer_email: session.customerEmail,
    expires_at: Math.floor(session.expiresAt.getTime() / 1000),
    livemode: false,
    metadata: session.metadata,
    mode: "payment",
    payment_intent: session.paymentIntentId,
    payment_status: session.paymentStatus,
    status: session.status,
    success_url: session.successUrl,
    url: null,
  };
}

function eventEnvelope(type: string, object: object) {
  return {
    id: randomId("evt_sim"),
    object: "event",
    api_version: "2025-03-31.basil",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/**
 * Stripe's answer to a request over its rate limit (https://docs.stripe.com/rate-limits): HTTP 429 with an
 * error of type `invalid_request_error` and code `rate_limit`; the SDK turns any 429 into a StripeRateLimitError.
 */
export const STRIPE_RATE_LIMIT_ERROR = {
  status: 429,
  body: {
    error: {
      type: "invalid_request_error",
      code: "rate_limit",
      message: "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
      doc_url: "https://stripe.com/docs/error-codes/rate-limit",
    },
  },
} as const;

/** How the simulator's "API" answers session creation: Stripe's status and body. */
export type SimulatorApiAnswer =
  | { status: 200; body: Session }
  | { status: typeof STRIPE_RATE_LIMIT_ERROR.status; body: typeof STRIPE_RATE_LIMIT_ERROR.body };

/**
 * The local payment provider: checkout sessions stored in PostgreSQL, a test
 * payment page at /checkout/simulator/[sessionId], and webhooks signed with
 * the webhook secret exactly as Stripe signs them. Like a Stripe account, it
 * creates at most `checkoutSessionsPerSecond` (25 by default) sessions in any second,
 * across every instance sharing its database, and refuses the rest as Stripe does.
 */
export function simulatorGateway(options: {
  db: Db;
  appUrl: string;
  secret: string;
  deliver: WebhookDelivery;
  /** The simulated account's session-creation limit (Stripe's default, 25, unless a test says otherwise). */
  checkoutSessionsPerSecond?: number;
  /** Which simulated account the limit belongs to; tests use their own. */
  account?: string;
  /** The clock of the simulated account's limit. */
  clock?: () => Date;
}) {
  const { db } = options;
  // The provider's own limit, in a window of its own (PostgreSQL, as the simulator's sessions are).
  const clock = options.clock ?? (() => new Date());
  const account = createRateLimiter({ db, redis: null, clock: { now: clock } });
  const accountLimit = {
    key: `simulator:${options.account ?? "acct_simulator"}:checkout-sessions`,
    rule: { limit: options.checkoutSessionsPerSecond ?? DEFAULT_CHECKOUT_SESSIONS_PER_SECOND, windowSeconds: 1 },
  };

  async function send(type: string, object: object) {
    const payload = JSON.stringify(eventEnvelope(type, object));
    await options.deliver(payload, signWebhookPayload(payload, options.secret));
  }

  async function load(sessionId: string) {
    const session = await db.simulatorSession.findUnique({ where: { id: sessionId } });
    if (!session) throw new AppError("NOT_FOUND", "No such checkout session.");
    return session;
  }

  /** The provider's side of the simulator: what Stripe's API would answer. */
  const api = {
    async createCheckoutSession(input: CreateCheckoutSessionInput): Promise<SimulatorApiAnswer> {
      // A retried creation of the same order's session gets the same session back, as with an idempotency key.
      const existing = await db.simulatorSession.findFirst({ where: { orderId: input.orderId, status: "open" } });
      if (existing) return { status: 200, body: existing };
      try {
        await account.take(accountLimit);
      } catch (error) {
        if (error instanceof AppError && error.code === "RATE_LIMITED") return STRIPE_RATE_LIMIT_ERROR;
        throw error;
      }
      const session = await db.simulatorSession.create({
        data: {
          id: randomId("cs_test_sim"),
          orderId: input.orderId,
          clientReferenceId: input.orderId,
          status: "open",
          paymentStatus: "unpaid",
          amountTotal: input.lineItems.reduce((sum, item) => sum + item.unitAmountMinor * item.quantity, 0),
          currency: input.currency,
          customerEmail: input.customerEmail,
          lineItems: input.lineItems,
          metadata: { orderId: input.orderId },
          successUrl: input.successUrl,
          cancelUrl: input.cancelUrl,
          expiresAt: input.expiresAt,
        },
      });
      return { status: 200, body: session };
    },
  };

  const gateway: PaymentGateway = {
    kind: "simulator",

    async createCheckoutSession(input) {
      const answer = await api.createCheckoutSession(input);
      if (answer.status !== 200) throw paymentsBusy(1);
      return {
        id: answer.body.id,
        url: `${options.appUrl}/checkout/simulator/${answer.body.id}`,
        expiresAt: answer.body.expiresAt,
      };
    },

    async retrieveCheckoutSession(sessionId): Promise<CheckoutSessionView> {
      const session = await load(sessionId);
      return {
        id: session.id,
        status: session.status as CheckoutSessionView["status"],
        paymentStatus: session.paymentStatus as CheckoutSessionView["paymentStatus"],
        paymentIntentId: session.paymentIntentId,
        amountTotal: session.amountTotal,
        currency: session.currency,
        orderId: session.orderId,
        url: session.status === "open" ? `${options.appUrl}/checkout/simulator/${session.id}` : null,
        expiresAt: session.expiresAt,
        cardFingerprint: session.cardFingerprint,
      };
    },

    async expireCheckoutSession(sessionId) {
      const { count } = await db.simulatorSession.updateMany({
        where: { id: sessionId, status: "open" },
        data: { status: "expired" },
      });
      if (count === 1) await send("checkout.session.expired", sessionObject(await load(sessionId)));
    },

    // The simulator moves no money, so its refunds succeed at once.
    async refund() {
      return { id: randomId("re_sim"), status: "succeeded" };
    },

    async retrieveRefund(refundId) {
      return { id: refundId, status: "succeeded" };
    },
  };

  return {
    gateway,

    /**
     * The "Pay" button: declines the test card 4000 0000 0000 0002, otherwise completes the session, paid
     * with the card's fingerprint; without a number (API callers), paid by a method with no fingerprint.
     */
    async pay(sessionId: string, card: string | undefined) {
      const session = await load(sessionId);
      if (session.status !== "open" || session.expiresAt <= new Date()) {
        throw new AppError("ORDER_NOT_PAYABLE", "This payment page has expired or was already used.");
      }
      const paymentIntentId = session.paymentIntentId ?? randomId("pi_sim");
      const cardNumber = card?.replace(/\D/g, "") ?? "";
      if (cardNumber === DECLINING_CARD) {
        await db.simulatorSession.update({ where: { id: sessionId }, data: { paymentIntentId } });
        await send("payment_intent.payment_failed", {
          id: paymentIntentId,
          object: "payment_intent",
          amount: session.amountTotal,
          currency: session.currency.toLowerCase(),
          metadata: session.metadata,
          status: "requires_payment_method",
          last_payment_error: {
            type: "card_error",
            code: "card_declined",
            decline_code: "generic_decline",
            message: "Your card was declined.",
          },
        });
        throw new AppError("PAYMENT_DECLINED", "Your card was declined. Try another card.");
      }
      const { count } = await db.simulatorSession.updateMany({
        where: { id: sessionId, status: "open" },
        data: {
          status: "complete",
          paymentStatus: "paid",
          paymentIntentId,
          cardFingerprint: cardNumber ? simulatedCardFingerprint(options.secret, cardNumber) : null,
        },
      });
      if (count !== 1) throw new AppError("ORDER_NOT_PAYABLE", "This payment page was already used.");
      await send("checkout.session.completed", sessionObject(await load(sessionId)));
      return { redirectUrl: session.successUrl };
    },

    /** The "Cancel" button: the session expires at once, as when a Stripe session is expired. */
    async cancel(sessionId: string) {
      const session = await load(sessionId);
      await gateway.expireCheckoutSession(sessionId);
      return { redirectUrl: session.cancelUrl };
    },

    load,
    api,
  };
}

export type Simulator = ReturnType<typeof simulatorGateway>;
