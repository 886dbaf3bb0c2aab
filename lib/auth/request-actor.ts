import "server-only";
import { getToken } from "next-auth/jwt";
import { config } from "@/lib/config";
import type { DbOrTx } from "@/lib/db";
import type { Actor } from "./actor";
import { userForApiToken } from "./tokens";
import { findActiveUser } from "./users";

/**
 * The caller of an API request: a bearer token wins over the session cookie.
 * The user is re-read on every request so a role change or deletion takes
 * effect at once rather than when a cookie expires.
 */
export async function actorFromRequest(db: DbOrTx, request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match?.[1] ? await userForApiToken(db, match[1]) : null;
    if (!found) return null;
    const { user, organizationId } = found;
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      via: "token",
      ...(organizationId ? { tokenOrganizationId: organizationId } : {}),
    };
  }
  const session = await getToken({
    req: request,
    secret: config().AUTH_SECRET,
    secureCookie: config().APP_URL.startsWith("https://"),
  });
  const user = session?.sub ? await findActiveUser(db, session.sub) : null;
  return user && { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}
