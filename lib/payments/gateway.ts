/**
 * Where fans pay. Two implementations: Stripe Checkout (when STRIPE_SECRET_KEY
 * is set) and the local simulator (the default), which speaks Stripe's
 * signed-webhook protocol so the production webhook path is always the one
 * exercised. Money is integer minor units of an ISO 4217 currency.
 */

export type CheckoutLineItem = {
  /** Shown to the fan on the payment page, e.g. "Lower Bowl — Sec 104, Row C, Seat 7". */
  name: string;
  /** The all-in price of one unit (price + fees), in minor units. */
  unitAmountMinor: number;
  quantity: number;
};

export type CreateCheckoutSessionInput = {
  orderId: string;
  currency: string;
  lineItems: CheckoutLineItem[];
  customerEmail: string;
  successUrl: string;
  cancelUrl: string;
  /** When the payment page stops taking payments (Stripe: 30 minutes to 24 hours from now). */
  expiresAt: Date;
  /** Same key, same session: a retried checkout never opens a second payment page. */
  idempotencyKey: string;
};

export type CheckoutSessionView = {
  id: string;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  paymentIntentId: string | null;
  amountTotal: number;
  currency: string;
  /** From metadata.orderId, falling back to client_reference_id. */
  orderId: string | null;
  url: string | null;
  expiresAt: Date;
  /**
   * The provider's fingerprint of the card that paid, the same for every payment with one card number
   * (Stripe: the charge's payment_method_details.card.fingerprint); null before payment or for other methods.
   */
  cardFingerprint: string | null;
};

export type RefundInput = {
  paymentIntentId: string;
  amountMinor: number;
  /** Same key, same refund: a retried refund never pays out twice. */
  idempotencyKey: string;
  reason: "requested_by_customer" | "duplicate" | "fraudulent";
  metadata: Record<string, string>;
};

export type RefundView = { id: string; status: "pending" | "succeeded" | "failed" | "canceled" | "requires_action" };

export interface PaymentGateway {
  readonly kind: "stripe" | "simulator";
  createCheckoutSession(input: CreateCheckoutSessionInput): Promise<{ id: string; url: string; expiresAt: Date }>;
  retrieveCheckoutSession(sessionId: string): Promise<CheckoutSessionView>;
  /** Closes an open session so the fan can no longer pay; a no-op for sessions already complete or expired. */
  expireCheckoutSession(sessionId: string): Promise<void>;
  refund(input: RefundInput): Promise<RefundView>;
  /** A refund as the provider sees it now: how a pending refund is followed until it settles. */
  retrieveRefund(refundId: string): Promise<RefundView>;
}
