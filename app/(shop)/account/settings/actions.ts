"use server";

import { formAction } from "@/lib/actions";
import { z } from "zod";
import { changeEmail, changePassword, deleteAccount } from "@/lib/auth/account-settings";
import { requestEmailVerification, verifyEmail } from "@/lib/auth/email-verification";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { changeEmailInput, changePasswordInput, deleteAccountInput } from "@/lib/auth/schemas";
import { services } from "@/lib/services";

export const changePasswordAction = formAction(
  { access: "signed-in", schema: changePasswordInput },
  async ({ currentPassword, newPassword }, actor) => {
    await changePassword(services(), { userId: actor.userId, currentPassword, newPassword });
    // Every session made before now was just retired, this one included: sign it in again.
    await signIn("credentials", {
      email: actor.email,
      password: newPassword,
      redirectTo: "/account/settings?changed=password",
    });
  },
);

export const sendEmailVerificationAction = formAction(
  { access: "signed-in", schema: z.strictObject({}) },
  async (_input, actor) => {
    const outcome = await requestEmailVerification(services(), { userId: actor.userId });
    return "alreadyVerified" in outcome
      ? { ok: true, message: "Your e-mail address is already confirmed." }
      : { ok: true, message: `We e-mailed a link to ${outcome.sentTo}. Open it within a day to confirm the address.` };
  },
);

export const verifyEmailAction = formAction(
  { access: "public", schema: z.strictObject({ token: z.string().min(1).max(300) }) },
  async ({ token }) => {
    const deps = services();
    const { email } = await verifyEmail({ ...deps, secret: deps.config.AUTH_SECRET }, token);
    return { ok: true, message: `Thank you: ${email} is confirmed.` };
  },
);

export const changeEmailAction = formAction(
  { access: "signed-in", schema: changeEmailInput, echo: ["newEmail"] },
  async ({ currentPassword, newEmail }, actor) => {
    await changeEmail(services(), { userId: actor.userId, currentPassword, newEmail });
    return {
      ok: true,
      message: `You now sign in with ${newEmail}. Confirm the new address with "E-mail me a confirmation link" above.`,
    };
  },
);

export const deleteAccountAction = formAction(
  { access: "signed-in", schema: deleteAccountInput },
  async ({ currentPassword }, actor) => {
    await deleteAccount(services(), { userId: actor.userId, currentPassword });
    await signOut({ redirectTo: "/?account=deleted" });
  },
);
