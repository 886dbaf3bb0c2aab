import "server-only";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIp } from "@/lib/client-ip";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { createRateLimiter } from "@/lib/rate-limit";
import { sharedRedisConnection } from "@/lib/redis/client";
import { credentialsInput } from "./schemas";
import { signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession["user"];
    /** When this session signed in (seconds): sessions older than the account's last password change are refused. */
    signedInAt?: number;
  }
}

/**
 * Thrown from `authorize` when the account or address is out of attempts. Auth.js rethrows
 * CredentialsSignin errors as they are to a server action (so the form can say how long to wait)
 * and redirects its own callback to `/signin?error=CredentialsSignin&code=rate_limited`.
 */
export class RateLimitedSignin extends CredentialsSignin {
  override code = "rate_limited";
  /** For people: "Too many attempts. Try again in N seconds." (Auth.js appends a link to `message`.) */
  readonly explanation: string;
  readonly retryAfterSeconds: number;
  constructor(limited: AppError) {
    super("Too many sign-in attempts");
    this.explanation = limited.message;
    this.retryAfterSeconds = (limited.details as { retryAfterSeconds: number }).retryAfterSeconds;
  }
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: config().AUTH_SECRET,
  // Self-hosted behind the operator's own proxy: the Host header is theirs to set.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: config().APP_URL.startsWith("https://"),
  pages: { signIn: "/signin" },
  logger: {
    // A wrong password or a rate limit is an answer, not an error; everything else goes to the JSON log.
    error(error) {
      // `type` is inherited by CredentialsSignin's subclasses (RateLimitedSignin), unlike `name`.
      if ((error as { type?: string }).type !== "CredentialsSignin") log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // The one place both the sign-in form (server action) and a raw POST to
      // /api/auth/callback/credentials go through, so the limits here cover both.
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse({ email: raw.email, password: raw.password });
        if (!parsed.success) return null;
        const ip = clientIp(request.headers, config().TRUSTED_PROXIES);
        try {
          // Auth.js's configuration is built at module load, outside the composition root; the
          // limiter is a stateless wrapper over the same database and Redis connection it uses.
          const limiter = createRateLimiter({ db, redis: sharedRedisConnection(config()) });
          const user = await signInWithPassword({ db, rateLimiter: limiter }, { ...parsed.data, clientIp: ip });
          return user && { id: user.id, email: user.email, name: user.name, role: user.role };
        } catch (error) {
          if (error instanceof AppError && error.code === "RATE_LIMITED") {
            throw new RateLimitedSignin(error);
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Our own claim, not iat: Auth.js re-issues the cookie (new iat) whenever the session is read.
      if (user?.id) Object.assign(token, { sub: user.id, signedInAt: Math.floor(Date.now() / 1000) });
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
      return session;
    },
  },
});
