import type { Actor } from "@/lib/auth/actor";
import type { PublicUser } from "@/lib/auth/users";

/** A user as the domain functions see a signed-in caller. */
export const actorOf = (user: PublicUser): Actor => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  via: "session",
});
