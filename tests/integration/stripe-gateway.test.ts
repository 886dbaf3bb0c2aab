import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CreateCheckoutSessionInput, PaymentGateway } from "@/lib/payments/gateway";
import { STRIPE_RATE_LIMIT_ERROR } from "@/lib/payments/simulator";
import { stripeGateway } from "@/lib/payments/stripe";
import {
  startFakeStripe,
  stripeError,
  stripeFixture,
  type FakeStripe,
  type RecordedRequest,
} from "../support/fake-stripe";

const SECRET_KEY = "sk_test_marquee_fake_key";
const SESSION_ID = "cs_test_marquee_b1c2d3";
const MINUTE = 60_000;

const seconds = (date: Date | number) => Math.floor(new Date(date).getTime() / 1000);

function checkoutInput(overrides: Partial<CreateCheckoutSessionInput> = {}): CreateCheckoutSessionInput {
  return {
    orderId: "ord_7Hq2",
    currency: "EUR",
    lineItems: [
      { name: "Lower Bowl — Sec 104, Row C, Seat 7", unitAmountMinor: 8_450, quantity: 1 },
      { name: "General Admission", unitAmountMinor: 3_275, quantity: 2 },
    ],
    customerEmail: "fan@example.com",
    successUrl: "https://tickets.example.com/orders/ord_7Hq2?from=checkout",
    cancelUrl: "https://tickets.example.com/checkout/hold_9?cancelled=1",
    expiresAt: new Date(Date.now() + 10 * MINUTE),
    idempotencyKey: "order-ord_7Hq2-checkout",
    ...overrides,
  };
}

/** Stripe's example session with the fields a test cares about replaced. */
const checkoutSession = (overrides: Record<string, unknown>) => ({
  ...stripeFixture("checkout.session"),
  ...overrides,
});

/** Answers session creation the way Stripe does: an open session carrying what was asked for. */
function echoCreatedSession(request: RecordedRequest) {
  const { form } = request;
  return {
    body: checkoutSession({
      id: SESSION_ID,
      url: `https://checkout.stripe.com/c/pay/${SESSION_ID}`,
      status: "open",
      payment_status: "unpaid",
      payment_intent: null,
      client_reference_id: form.client_reference_id,
      customer_email: form.customer_email,
      metadata: { orderId: form["metadata[orderId]"] },
      currency: form["line_items[0][price_data][currency]"],
      amount_total: 15_000,
      expires_at: Number(form.expires_at),
    }),
  };
}

describe("stripeGateway against Stripe's HTTP API", () => {
  let stripe: FakeStripe;
  let gateway: PaymentGateway;

  beforeEach(async () => {
    stripe = await startFakeStripe();
    gateway = stripeGateway({ secretKey: SECRET_KEY, apiBase: stripe.apiBase });
  });

  afterEach(async () => {
    vi.useRealTimers();
    await stripe.close();
  });

  describe("createCheckoutSession", () => {
    it("sends the order as a payment-mode session with all-in prices, metadata and the idempotency key", async () => {
      stripe.respond("POST", "/v1/checkout/sessions", echoCreatedSession);
      const before = Date.now();

      const session = await gateway.createCheckoutSession(checkoutInput());

      expect(stripe.requests).toHaveLength(1);
      const [request] = stripe.requests;
      expect(request).toMatchObject({ method: "POST", path: "/v1/checkout/sessions" });
      expect(request!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
      expect(request!.headers["idempotency-key"]).toBe("order-ord_7Hq2-checkout");
      expect(request!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
      expect(request!.form).toEqual({
        mode: "payment",
        "line_items[0][price_data][currency]": "eur",
        "line_items[0][price_data][unit_amount]": "8450",
        "line_items[0][price_data][product_data][name]": "Lower Bowl — Sec 104, Row C, Seat 7",
        "line_items[0][quantity]": "1",
        "line_items[1][price_data][currency]": "eur",
        "line_items[1][price_data][unit_amount]": "3275",
        "line_items[1][price_data][product_data][name]": "General Admission",
        "line_items[1][quantity]": "2",
        client_reference_id: "ord_7Hq2",
        "metadata[orderId]": "ord_7Hq2",
        "payment_intent_data[metadata][orderId]": "ord_7Hq2",
        customer_email: "fan@example.com",
        success_url: "https://tickets.example.com/orders/ord_7Hq2?from=checkout",
        cancel_url: "https://tickets.example.com/checkout/hold_9?cancelled=1",
        expires_at: expect.stringMatching(/^\d+$/),
      });

      // A 10-minute hold is shorter than Stripe allows: the page stays open at least 30 minutes.
      const expiresAt = Number(request!.form.expires_at);
      expect(expiresAt).toBeGreaterThanOrEqual(seconds(before) + 30 * 60);
      expect(expiresAt).toBeLessThanOrEqual(seconds(Date.now()) + 24 * 60 * 60);

      expect(session).toEqual({
        id: SESSION_ID,
        url: `https://checkout.stripe.com/c/pay/${SESSION_ID}`,
        expiresAt: new Date(expiresAt * 1000),
      });
    });

    it("sends a closing time inside Stripe's window unchanged and caps one beyond 24 hours", async () => {
      stripe.respond("POST", "/v1/checkout/sessions", echoCreatedSession);
      const inWindow = new Date(Date.now() + 45 * MINUTE);
      await gateway.createCheckoutSession(checkoutInput({ expiresAt: inWindow }));

      const before = Date.now();
      await gateway.createCheckoutSession(checkoutInput({ expiresAt: new Date(before + 3 * 24 * 60 * MINUTE) }));

      const [first, second] = stripe.requests.map((request) => Number(request.form.expires_at));
      expect(first).toBe(seconds(inWindow));
      expect(second).toBeLessThanOrEqual(seconds(Date.now()) + 24 * 60 * 60);
      expect(second).toBeGreaterThan(seconds(before) + 23 * 60 * 60);
    });

    it("sends the same parameters when the same checkout is retried minutes later", async () => {
      // Stripe answers a reused idempotency key with an error unless the parameters match the first request.
      stripe.respond("POST", "/v1/checkout/sessions", echoCreatedSession);
      const start = Date.now();
      vi.useFakeTimers({ toFake: ["Date"], now: start });
      const input = checkoutInput({ expiresAt: new Date(start + 10 * MINUTE) });

      await gateway.createCheckoutSession(input);
      vi.setSystemTime(start + 4 * MINUTE);
      await gateway.createCheckoutSession(input);

      const [first, second] = stripe.requests;
      expect(second!.headers["idempotency-key"]).toBe(first!.headers["idempotency-key"]);
      expect(second!.rawBody).toBe(first!.rawBody);
    });

    it("surfaces Stripe's refusal of the request", async () => {
      stripe.respond("POST", "/v1/checkout/sessions", () =>
        stripeError(400, {
          type: "invalid_request_error",
          code: "parameter_invalid_integer",
          param: "line_items[0][price_data][unit_amount]",
          message: "Invalid integer: -1",
        }),
      );

      await expect(gateway.createCheckoutSession(checkoutInput())).rejects.toBeInstanceOf(
        Stripe.errors.StripeInvalidRequestError,
      );
    });

    it("turns Stripe's 429 rate_limit answer into 429 RATE_LIMITED for the fan, without retrying", async () => {
      // The simulator answers over its limit with this status and body; the SDK must read it as Stripe's.
      stripe.respond("POST", "/v1/checkout/sessions", () => ({ ...STRIPE_RATE_LIMIT_ERROR }));

      await expect(gateway.createCheckoutSession(checkoutInput())).rejects.toMatchObject({
        code: "RATE_LIMITED",
        status: 429,
        message: "Busy, try again in 1 second.",
        details: { retryAfterSeconds: 1 },
      });
      // Retrying at once would only spend more of the account's limit.
      expect(stripe.requests).toHaveLength(1);
    });
  });

  describe("retrieveCheckoutSession", () => {
    const expiresAt = 1_790_000_000;

    it("reads a paid, complete session whose payment_intent is an id", async () => {
      stripe.respond("GET", `/v1/checkout/sessions/${SESSION_ID}`, () => ({
        body: checkoutSession({
          id: SESSION_ID,
          status: "complete",
          payment_status: "paid",
          payment_intent: "pi_3Marquee000001",
          amount_total: 15_000,
          currency: "eur",
          client_reference_id: "ord_7Hq2",
          metadata: { orderId: "ord_7Hq2" },
          url: null,
          expires_at: expiresAt,
        }),
      }));

      const view = await gateway.retrieveCheckoutSession(SESSION_ID);

      expect(stripe.requests).toEqual([
        expect.objectContaining({ method: "GET", path: `/v1/checkout/sessions/${SESSION_ID}` }),
      ]);
      expect(stripe.requests[0]!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
      expect(view).toEqual({
        id: SESSION_ID,
        status: "complete",
        paymentStatus: "paid",
        paymentIntentId: "pi_3Marquee000001",
        amountTotal: 15_000,
        currency: "EUR",
        orderId: "ord_7Hq2",
        url: null,
        expiresAt: new Date(expiresAt * 1000),
        cardFingerprint: null,
      });
    });

    it("asks for the payment's latest charge in the same call and reads the paying card's fingerprint", async () => {
      const charge = { ...stripeFixture("charge"), id: "ch_3Marquee000003", payment_intent: "pi_3Marquee000003" };
      stripe.respond("GET", `/v1/checkout/sessions/${SESSION_ID}`, () => ({
        body: checkoutSession({
          id: SESSION_ID,
          status: "complete",
          payment_status: "paid",
          payment_intent: { ...stripeFixture("payment_intent"), id: "pi_3Marquee000003", latest_charge: charge },
          amount_total: 15_000,
          currency: "eur",
          metadata: { orderId: "ord_7Hq2" },
          expires_at: expiresAt,
        }),
      }));

      const view = await gateway.retrieveCheckoutSession(SESSION_ID);

      expect(stripe.requests).toHaveLength(1);
      expect(stripe.requests[0]!.query).toEqual({ "expand[0]": "payment_intent.latest_charge" });
      // Stripe's example charge was paid with a card whose fingerprint is "AOB934RVNwzk6xtn".
      expect(view).toMatchObject({ paymentIntentId: "pi_3Marquee000003", cardFingerprint: "AOB934RVNwzk6xtn" });
    });

    it("has no fingerprint when the charge is not a card's or was not expanded", async () => {
      const charge = { ...stripeFixture("charge"), payment_method_details: { type: "sepa_debit", sepa_debit: {} } };
      const answer = (latest_charge: unknown) => () => ({
        body: checkoutSession({
          id: SESSION_ID,
          status: "complete",
          payment_status: "paid",
          payment_intent: { ...stripeFixture("payment_intent"), id: "pi_3Marquee000004", latest_charge },
          amount_total: 15_000,
          currency: "eur",
          metadata: { orderId: "ord_7Hq2" },
          expires_at: expiresAt,
        }),
      });
      for (const latestCharge of [charge, "ch_3Marquee000004", null]) {
        stripe.respond("GET", `/v1/checkout/sessions/${SESSION_ID}`, answer(latestCharge));
        expect((await gateway.retrieveCheckoutSession(SESSION_ID)).cardFingerprint).toBeNull();
      }
    });

    it("reads an expanded payment_intent and falls back to client_reference_id for the order", async () => {
      stripe.respond("GET", `/v1/checkout/sessions/${SESSION_ID}`, () => ({
        body: checkoutSession({
          id: SESSION_ID,
          status: "complete",
          payment_status: "paid",
          payment_intent: { ...stripeFixture("payment_intent"), id: "pi_3Marquee000002", status: "succeeded" },
          amount_total: 9_900,
          currency: "usd",
          client_reference_id: "ord_fallback",
          metadata: {},
          expires_at: expiresAt,
        }),
      }));

      const view = await gateway.retrieveCheckoutSession(SESSION_ID);

      expect(view).toMatchObject({ paymentIntentId: "pi_3Marquee000002", orderId: "ord_fallback", currency: "USD" });
    });

    it("reads an expired session that never got a payment", async () => {
      stripe.respond("GET", `/v1/checkout/sessions/${SESSION_ID}`, () => ({
        body: checkoutSession({
          id: SESSION_ID,
          status: "expired",
          payment_status: "unpaid",
          payment_intent: null,
          amount_total: 15_000,
          currency: "eur",
          client_reference_id: null,
          metadata: { orderId: "ord_7Hq2" },
          url: null,
          expires_at: expiresAt,
        }),
      }));

      expect(await gateway.retrieveCheckoutSession(SESSION_ID)).toEqual({
        id: SESSION_ID,
        status: "expired",
        paymentStatus: "unpaid",
        paymentIntentId: null,
        amountTotal: 15_000,
        currency: "EUR",
        orderId: "ord_7Hq2",
        url: null,
        expiresAt: new Date(expiresAt * 1000),
        cardFingerprint: null,
      });
    });

    it("refuses a session without an amount, which no payment-mode session lacks", async () => {
      // Stripe's example object as published: amount_total and currency are null.
      stripe.respond("GET", `/v1/checkout/sessions/${SESSION_ID}`, () => ({ body: stripeFixture("checkout.session") }));

      await expect(gateway.retrieveCheckoutSession(SESSION_ID)).rejects.toThrow(/no amount_total/);
    });
  });

  describe("expireCheckoutSession", () => {
    const expirePath = `/v1/checkout/sessions/${SESSION_ID}/expire`;
    const notOpen = (status: string) =>
      stripeError(400, {
        type: "invalid_request_error",
        message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${status}\`.`,
      });

    it("expires an open session", async () => {
      stripe.respond("POST", expirePath, () => ({
        body: checkoutSession({ id: SESSION_ID, status: "expired", url: null }),
      }));

      await expect(gateway.expireCheckoutSession(SESSION_ID)).resolves.toBeUndefined();
      expect(stripe.requests).toEqual([expect.objectContaining({ method: "POST", path: expirePath })]);
      expect(stripe.requests[0]!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    });

    it.each(["complete", "expired"])("does nothing when Stripe says the session is already %s", async (status) => {
      stripe.respond("POST", expirePath, () => notOpen(status));
      stripe.respond("GET", `/v1/checkout/sessions/${SESSION_ID}`, () => ({
        body: checkoutSession({ id: SESSION_ID, status }),
      }));

      await expect(gateway.expireCheckoutSession(SESSION_ID)).resolves.toBeUndefined();
      expect(stripe.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `POST ${expirePath}`,
        `GET /v1/checkout/sessions/${SESSION_ID}`,
      ]);
    });

    it("throws Stripe's refusal when the session is in fact still open", async () => {
      stripe.respond("POST", expirePath, () =>
        stripeError(400, { type: "invalid_request_error", message: "Received unknown parameter: expand[0]" }),
      );
      stripe.respond("GET", `/v1/checkout/sessions/${SESSION_ID}`, () => ({
        body: checkoutSession({ id: SESSION_ID, status: "open" }),
      }));

      await expect(gateway.expireCheckoutSession(SESSION_ID)).rejects.toBeInstanceOf(
        Stripe.errors.StripeInvalidRequestError,
      );
    });

    it("throws on a rejected API key, without retrying", async () => {
      stripe.respond("POST", expirePath, () =>
        stripeError(401, { type: "invalid_request_error", message: "Invalid API Key provided: sk_test_****_key" }),
      );

      await expect(gateway.expireCheckoutSession(SESSION_ID)).rejects.toBeInstanceOf(
        Stripe.errors.StripeAuthenticationError,
      );
      expect(stripe.requests).toHaveLength(1);
    });

    it("throws on a server error once the SDK's two retries are spent, reusing one idempotency key", async () => {
      stripe.respond("POST", expirePath, () =>
        stripeError(500, { type: "api_error", message: "Sorry, something went wrong." }),
      );

      await expect(gateway.expireCheckoutSession(SESSION_ID)).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
      expect(stripe.requests).toHaveLength(3);
      const keys = new Set(stripe.requests.map((r) => r.headers["idempotency-key"]));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toBeTruthy();
    });
  });

  describe("refund", () => {
    it("refunds part of a payment intent with a reason, metadata and the idempotency key", async () => {
      stripe.respond("POST", "/v1/refunds", (request) => ({
        body: {
          ...stripeFixture("refund"),
          amount: Number(request.form.amount),
          currency: "eur",
          payment_intent: request.form.payment_intent,
          reason: request.form.reason,
          metadata: { orderId: request.form["metadata[orderId]"], initiatedBy: request.form["metadata[initiatedBy]"] },
        },
      }));

      const refund = await gateway.refund({
        paymentIntentId: "pi_3Marquee000001",
        amountMinor: 4_500,
        idempotencyKey: "order-ord_7Hq2-refund-1",
        reason: "requested_by_customer",
        metadata: { orderId: "ord_7Hq2", initiatedBy: "usr_organizer" },
      });

      expect(stripe.requests).toHaveLength(1);
      const [request] = stripe.requests;
      expect(request).toMatchObject({ method: "POST", path: "/v1/refunds" });
      expect(request!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
      expect(request!.headers["idempotency-key"]).toBe("order-ord_7Hq2-refund-1");
      expect(request!.form).toEqual({
        payment_intent: "pi_3Marquee000001",
        amount: "4500",
        reason: "requested_by_customer",
        "metadata[orderId]": "ord_7Hq2",
        "metadata[initiatedBy]": "usr_organizer",
      });
      expect(refund).toEqual({ id: "re_1Pgc72B7WZ01zgkWqPvrRrPE", status: "succeeded" });
    });

    it("reports a refund Stripe has not finished", async () => {
      stripe.respond("POST", "/v1/refunds", () => ({ body: { ...stripeFixture("refund"), status: "pending" } }));

      const refund = await gateway.refund({
        paymentIntentId: "pi_3Marquee000001",
        amountMinor: 100,
        idempotencyKey: "order-ord_7Hq2-refund-2",
        reason: "duplicate",
        metadata: {},
      });

      expect(refund.status).toBe("pending");
    });
  });
});
