"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { actionClientIp, formAction } from "@/lib/actions";
import { RateLimitedSignin, signIn, signOut } from "@/lib/auth/next-auth";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { credentialsInput, forgotPasswordInput, resetPasswordInput, signUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { services } from "@/lib/services";

// Only same-site paths (lib/auth/return-path.ts); anything else signs in and goes home.
const returnPath = z.unknown().transform((value) => safeReturnPath(value));

async function signInOrExplain(email: string, password: string, redirectTo: string) {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof RateLimitedSignin) return { ok: false, message: error.explanation, values: { email } };
    if (error instanceof AuthError)
      return { ok: false, message: "The e-mail or password is wrong.", values: { email } };
    throw error;
  }
}

export const signInAction = formAction(
  { access: "public", schema: credentialsInput.extend({ callbackUrl: returnPath }), echo: ["email"] },
  ({ email, password, callbackUrl }) => signInOrExplain(email, password, callbackUrl),
);

export const signUpAction = formAction(
  { access: "public", schema: signUpInput.extend({ callbackUrl: returnPath }), echo: ["email", "name"] },
  async ({ callbackUrl, ...input }) => {
    await signUp(services(), { ...input, clientIp: await actionClientIp() });
    return signInOrExplain(input.email, input.password, callbackUrl);
  },
);

export const forgotPasswordAction = formAction(
  { access: "public", schema: forgotPasswordInput, echo: ["email"] },
  async ({ email }) => {
    const deps = services();
    await requestPasswordReset(
      { ...deps, secret: deps.config.AUTH_SECRET },
      { email, clientIp: await actionClientIp() },
    );
    // The same answer whether or not the address has an account.
    return {
      ok: true,
      message: `If an account uses ${email}, we have e-mailed it a link to choose a new password. It works for an hour.`,
    };
  },
);

export const resetPasswordAction = formAction(
  { access: "public", schema: resetPasswordInput },
  async ({ token, password }) => {
    const { email } = await resetPassword(services(), { token, password });
    return signInOrExplain(email, password, "/account/settings?changed=password");
  },
);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
