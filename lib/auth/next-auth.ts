import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { credentialsInput } from "./schemas";
import { verifyCredentials } from "./users";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession["user"];
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
    // A wrong password is an answer, not an error; everything else goes to the JSON log.
    error(error) {
      if (error.name !== "CredentialsSignin") log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse({ email: raw.email, password: raw.password });
        if (!parsed.success) return null;
        const user = await verifyCredentials(db, parsed.data);
        return user && { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
