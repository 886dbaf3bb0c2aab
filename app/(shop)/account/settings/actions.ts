"use server";

import { formAction } from "@/lib/actions";
import { changeEmail, changePassword, deleteAccount } from "@/lib/auth/account-settings";
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

export const changeEmailAction = formAction(
  { access: "signed-in", schema: changeEmailInput, echo: ["newEmail"] },
  async ({ currentPassword, newEmail }, actor) => {
    await changeEmail(services(), { userId: actor.userId, currentPassword, newEmail });
    return { ok: true, message: `You now sign in with ${newEmail}.` };
  },
);

export const deleteAccountAction = formAction(
  { access: "signed-in", schema: deleteAccountInput },
  async ({ currentPassword }, actor) => {
    await deleteAccount(services(), { userId: actor.userId, currentPassword });
    await signOut({ redirectTo: "/?account=deleted" });
  },
);
