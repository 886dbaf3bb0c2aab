import "server-only";
import { AppError } from "@/lib/errors";
import type { RateLimiter } from "@/lib/rate-limit";

/** What the provider allows: Stripe takes about 25 Checkout Session creations a second per account by default. */
export const DEFAULT_CHECKOUT_SESSIONS_PER_SECOND = 25;

/** A creation the meter let through; give it back when the provider was, after all, not called. */
export type CheckoutSlot = { giveBack(): Promise<void> };

export interface CheckoutSessionMeter {
  /** One creation from this second's budget, shared by every instance; 429 `RATE_LIMITED` when it is spent. */
  take(): Promise<CheckoutSlot>;
}

/** What a fan reads when the payment provider is at its rate limit (ours or its own): never an error page. */
export function paymentsBusy(retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError("RATE_LIMITED", `Busy, try again in ${seconds} second${seconds === 1 ? "" : "s"}.`, {
    retryAfterSeconds: seconds,
  });
}

/**
 * Meters Checkout Session creations against the provider's account limit, across instances: one sliding
 * one-second window in the shared rate-limit store (Redis when configured, PostgreSQL otherwise), keyed by
 * provider. Callers take a slot before they create anything, so a refusal leaves no order behind.
 */
export function checkoutSessionMeter(deps: {
  rateLimiter: RateLimiter;
  provider: string;
  perSecond: number;
}): CheckoutSessionMeter {
  const check = {
    key: `payments:${deps.provider}:checkout-sessions`,
    rule: { limit: deps.perSecond, windowSeconds: 1 },
  };
  return {
    async take() {
      try {
        return await deps.rateLimiter.take(check);
      } catch (error) {
        if (!(error instanceof AppError && error.code === "RATE_LIMITED")) throw error;
        const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
        throw paymentsBusy(retryAfterSeconds);
      }
    },
  };
}
