import "server-only";
import { addressBlock } from "@/lib/client-ip";
import { AppError } from "@/lib/errors";
import type { RateLimitCheck, RateLimiter } from "@/lib/rate-limit";

/**
 * Request limits in front of holds and checkout, per account and per client address. A script with
 * throwaway accounts still shares a few addresses, and one account cannot hammer from many. An address
 * can be many honest fans at once (a campus, a mobile carrier's NAT), so its limit is many fans' worth;
 * the address (IPv6: its /64) is only as trustworthy as the proxy in front (lib/client-ip.ts), the account
 * always is.
 */
export const PURCHASE_LIMITS = {
  hold: { perFan: { limit: 20, windowSeconds: 60 }, perAddress: { limit: 300, windowSeconds: 60 } },
  checkout: { perFan: { limit: 10, windowSeconds: 60 }, perAddress: { limit: 120, windowSeconds: 60 } },
} as const;

export type PurchaseAction = keyof typeof PURCHASE_LIMITS;

const REASONS = {
  hold: { perFan: "HOLD_RATE_FAN", perAddress: "HOLD_RATE_ADDRESS" },
  checkout: { perFan: "CHECKOUT_RATE_FAN", perAddress: "CHECKOUT_RATE_ADDRESS" },
} as const;

/** The limiter's 429 with the window that refused it named in `details.reason` (lib/refusals/reasons.ts). */
function naming(reason: string) {
  return (error: unknown): never => {
    if (error instanceof AppError && error.code === "RATE_LIMITED") {
      throw new AppError("RATE_LIMITED", error.message, { ...(error.details as object), reason });
    }
    throw error;
  };
}

/**
 * Takes one attempt from the fan's and the address's windows, both or neither, or throws RATE_LIMITED
 * (429, Retry-After) naming the window that was full.
 */
export async function enforcePurchaseLimits(
  { rateLimiter }: { rateLimiter: RateLimiter },
  options: { action: PurchaseAction; userId: string; clientIp: string | null },
): Promise<void> {
  const rules = PURCHASE_LIMITS[options.action];
  const reasons = REASONS[options.action];
  const fan = await rateLimiter
    .take({ key: `${options.action}s:${options.userId}`, rule: rules.perFan })
    .catch(naming(reasons.perFan));
  if (!options.clientIp) return;
  const address: RateLimitCheck = {
    key: `${options.action}s:addr:${addressBlock(options.clientIp)}`,
    rule: rules.perAddress,
  };
  await rateLimiter.take(address).catch(async (error: unknown) => {
    // As the limiter does for checks taken together: a refused attempt counts in no window.
    await fan.giveBack();
    return naming(reasons.perAddress)(error);
  });
}
