import "server-only";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { enqueueWelcomeEmail } from "@/lib/notifications/welcome";
import { hashPassword } from "./passwords";
import type { SignUpInput } from "./schemas";
import { createUser, type PublicUser } from "./users";

/** Creates a fan account and queues its welcome e-mail, both or neither. */
export async function signUp(db: Db, input: SignUpInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await createUser(tx, { email: input.email, name: input.name, passwordHash });
    await enqueueWelcomeEmail(tx, { email: user.email, name: user.name, appUrl: config().APP_URL });
    return user;
  });
}
