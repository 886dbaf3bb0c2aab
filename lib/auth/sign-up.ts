import "server-only";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { enqueueWelcomeEmail } from "@/lib/notifications/welcome";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { signUpChecks } from "./attempt-limits";
import { hashPassword } from "./passwords";
import type { SignUpInput } from "./schemas";
import { createUser, type PublicUser } from "./users";

/**
 * Creates a fan account and queues its welcome e-mail, both or neither. Limited per client address
 * (429 RATE_LIMITED). The password is hashed before the transaction opens, off the event loop, so
 * the transaction only holds its connection for two inserts however busy the hasher is.
 */
export async function signUp(
  deps: { db: Db; rateLimiter: RateLimiter },
  input: SignUpInput & { clientIp: string | null },
): Promise<PublicUser> {
  await deps.rateLimiter.take(...signUpChecks(input.clientIp));
  const passwordHash = await hashPassword(input.password);
  return deps.db.$transaction(async (tx) => {
    const user = await createUser(tx, { email: input.email, name: input.name, passwordHash });
    await enqueueWelcomeEmail(tx, { email: user.email, name: user.name, appUrl: config().APP_URL });
    return user;
  });
}
