import "server-only";
import { addressBlock } from "@/lib/client-ip";
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

/** Takes one attempt from the fan's and the address's windows, or throws RATE_LIMITED (429, Retry-After). */
export async function enforcePurchaseLimits(
  { rateLimiter }: { rateLimiter: RateLimiter },
  options: { action: PurchaseAction; userId: string; clientIp: string | null },
): Promise<void> {
  const rules = PURCHASE_LIMITS[options.action];
  const checks: RateLimitCheck[] = [{ key: `${options.action}s:${options.userId}`, rule: rules.perFan }];
  if (options.clientIp) {
    checks.push({ key: `${options.action}s:addr:${addressBlock(options.clientIp)}`, rule: rules.perAddress });
  }
  await rateLimiter.take(...checks);
}
