import { z } from "zod";

export const email = z.string().trim().toLowerCase().pipe(z.email("must be a valid e-mail address").max(254));

export const newPassword = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");

export const signUpInput = z.strictObject({
  email,
  password: newPassword,
  name: z.string().trim().min(1, "is required").max(100),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const credentialsInput = z.strictObject({
  email,
  password: z.string().min(1, "is required").max(200),
});
export type CredentialsInput = z.infer<typeof credentialsInput>;

export const tokenRequestInput = credentialsInput.extend({
  name: z.string().trim().min(1).max(100).default("API token"),
});

export const forgotPasswordInput = z.strictObject({ email });

export const resetPasswordInput = z.strictObject({
  token: z.string().min(10).max(300),
  password: newPassword,
});

const currentPassword = z.string().min(1, "is required").max(200);

export const changePasswordInput = z.strictObject({ currentPassword, newPassword });

export const changeEmailInput = z.strictObject({ currentPassword, newEmail: email });

export const deleteAccountInput = z.strictObject({
  currentPassword,
  confirm: z.literal("DELETE", { error: "type DELETE to confirm" }),
});
