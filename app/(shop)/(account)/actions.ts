"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { actionClientIp, formAction } from "@/lib/actions";
import { RateLimitedSignin, signIn, signOut } from "@/lib/auth/next-auth";
import { credentialsInput, signUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { services } from "@/lib/services";

// Only same-site paths: an open redirect after sign-in is a phishing tool.
const returnPath = z
  .string()
  .regex(/^\/(?!\/)/, "must be a path on this site")
  .max(500)
  .catch("/")
  .default("/");

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

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
