import "server-only";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { signInChecks } from "./attempt-limits";
import type { CredentialsInput } from "./schemas";
import { issueApiToken } from "./tokens";
import { verifyCredentials, type PublicUser } from "./users";

/**
 * Password sign-in, for every way in (the sign-in form and Auth.js's credentials callback through
 * `authorize`, and `POST /api/v1/auth/tokens`). Throws RATE_LIMITED, before any hashing, when the
 * account or the client address has used up its wrong guesses; returns null for wrong credentials.
 */
export async function signInWithPassword(
  deps: { db: DbOrTx; rateLimiter: RateLimiter },
  input: CredentialsInput & { clientIp: string | null },
): Promise<PublicUser | null> {
  const attempt = await deps.rateLimiter.take(...signInChecks(input.email, input.clientIp));
  let user: PublicUser | null;
  try {
    user = await verifyCredentials(deps.db, input);
  } catch (error) {
    // Our failure is no guess of theirs.
    await attempt.giveBack();
    throw error;
  }
  // Only wrong guesses count (see attempt-limits.ts).
  if (user) await attempt.giveBack();
  return user;
}

/** `POST /api/v1/auth/tokens`: credentials in, a new API token out (shown once), under the same limits. */
export async function exchangeCredentialsForToken(
  deps: { db: DbOrTx; rateLimiter: RateLimiter },
  input: CredentialsInput & { clientIp: string | null; name: string },
) {
  const user = await signInWithPassword(deps, input);
  if (!user) throw new AppError("UNAUTHENTICATED", "The e-mail or password is wrong.");
  return issueApiToken(deps.db, { userId: user.id, name: input.name });
}
