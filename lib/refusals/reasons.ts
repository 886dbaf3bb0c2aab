import { AppError } from "@/lib/errors";

/** Why a fan's purchase attempt for an event was refused, as organizers read it on the dashboard. */
export const REFUSAL_REASONS = {
  HOLD_RATE_FAN: "Holds: too many from one account",
  HOLD_RATE_ADDRESS: "Holds: too many from one address block",
  CHECKOUT_RATE_FAN: "Checkouts: too many from one account",
  CHECKOUT_RATE_ADDRESS: "Checkouts: too many from one address block",
  ABANDONED_HOLDS: "Cool-down after holds let go",
  QUEUE_REQUIRED: "No turn from the waiting room",
  EMAIL_NOT_VERIFIED: "E-mail address not confirmed",
  FAN_LIMIT: "Over the per-fan limit",
  CARD_LIMIT: "Card over the limit (payment refunded)",
} as const;

export type RefusalReason = keyof typeof REFUSAL_REASONS;

export const isRefusalReason = (value: unknown): value is RefusalReason =>
  typeof value === "string" && Object.hasOwn(REFUSAL_REASONS, value);

/**
 * The refusal an error of the hold or checkout path stands for, or null for errors that are not a
 * refusal of the fan (seats just taken, a busy payment provider, a bad request). Rate-limit refusals
 * name their reason in `details.reason` (lib/orders/purchase-limits.ts, lib/inventory/abandoned-holds.ts).
 */
export function refusalReasonOf(error: unknown): RefusalReason | null {
  if (!(error instanceof AppError)) return null;
  switch (error.code) {
    case "QUEUE_REQUIRED":
    case "EMAIL_NOT_VERIFIED":
      return error.code;
    case "LIMIT_EXCEEDED":
      // The event's per-fan limit names itself (perOrderLimit); a ticket type's own per-order maximum is a
      // request the picker never sends, not a refusal of the fan.
      return (error.details as { perOrderLimit?: unknown } | undefined)?.perOrderLimit === undefined
        ? null
        : "FAN_LIMIT";
    case "RATE_LIMITED": {
      const reason = (error.details as { reason?: unknown } | undefined)?.reason;
      return isRefusalReason(reason) ? reason : null;
    }
    default:
      return null;
  }
}
