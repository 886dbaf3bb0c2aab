import { createHash } from "node:crypto";
import { addressBlock } from "@/lib/client-ip";
import type { RateLimitCheck, RateLimitRule } from "@/lib/rate-limit/limiter";

/**
 * Every limit on password guessing and account creation, in one place (docs/security.md).
 *
 * Sign-in counts failures: an attempt is taken from the windows *before* the password is hashed
 * (so a thousand parallel guesses cannot all slip in before the first is counted) and given back
 * when the password was right. A user who signs in often, or many users behind one NAT, are never
 * slowed down by their successes; only wrong guesses use the allowance up.
 */
export const ATTEMPT_LIMITS = {
  /** Wrong passwords per account (normalised e-mail), from any number of addresses: the 6th in a minute gets 429. */
  signInPerAccount: { limit: 5, windowSeconds: 60 },
  /** Wrong passwords per client address (IPv6: per /64), across accounts: bounds spraying one password over many. */
  signInPerAddress: { limit: 30, windowSeconds: 60 },
  /** Sign-ups per client address, successful or not (each costs a hash); generous for shared NATs. */
  signUpPerAddress: { limit: 20, windowSeconds: 10 * 60 },
  // "Forgot password" sends e-mail: a few per address an hour, so it cannot be used to flood an inbox.
  passwordResetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
  passwordResetPerAddress: { limit: 20, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

// E-mails are hashed into keys: fixed length, and no addresses in Redis or the limiter's table.
const digest = (value: string) => createHash("sha256").update(value).digest("base64url");

/** The windows one sign-in attempt counts against; an unknown client address only skips its own limit. */
export function signInChecks(email: string, clientIp: string | null): RateLimitCheck[] {
  const checks: RateLimitCheck[] = [{ key: `signin:account:${digest(email)}`, rule: ATTEMPT_LIMITS.signInPerAccount }];
  if (clientIp) checks.push({ key: `signin:addr:${addressBlock(clientIp)}`, rule: ATTEMPT_LIMITS.signInPerAddress });
  return checks;
}

export function signUpChecks(clientIp: string | null): RateLimitCheck[] {
  return clientIp ? [{ key: `signup:addr:${addressBlock(clientIp)}`, rule: ATTEMPT_LIMITS.signUpPerAddress }] : [];
}

export function passwordResetChecks(email: string, clientIp: string | null): RateLimitCheck[] {
  const checks: RateLimitCheck[] = [
    { key: `reset:account:${digest(email)}`, rule: ATTEMPT_LIMITS.passwordResetPerAccount },
  ];
  if (clientIp)
    checks.push({ key: `reset:addr:${addressBlock(clientIp)}`, rule: ATTEMPT_LIMITS.passwordResetPerAddress });
  return checks;
}
