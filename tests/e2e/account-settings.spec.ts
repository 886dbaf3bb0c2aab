import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { withE2eDatabase } from "./database";
import { expect, signIn, test } from "./fixtures";

// Issue 12, item 6: the account menu, a forgotten password, and changing or deleting the account.

async function newFan(page: Page) {
  const email = `settings-${randomUUID()}@example.test`;
  const address = `198.18.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  const created = await page.request.post("/api/v1/users", {
    data: { email, password: "a-long-password", name: "Settings Fan" },
    headers: { "x-forwarded-for": address },
  });
  expect(created.status()).toBe(201);
  return email;
}

/** The newest e-mail to `to` in the dev mailbox table (the worker delivers the outbox within a second or two). */
async function newestMail(to: string, subject: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const text = await withE2eDatabase(async (db) => {
      const { rows } = await db.query<{ subject: string; text: string }>(
        `SELECT subject, text FROM dev_mails WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
        [to],
      );
      return rows[0] && subject.test(rows[0].subject) ? rows[0].text : null;
    });
    if (text) return text;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no e-mail "${subject}" to ${to}`);
}

test("a fan who forgot their password resets it from the e-mailed link, once", async ({ page }) => {
  const email = await newFan(page);
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // Wait for the new page: until then "E-mail" is still the sign-in form's field.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "E-mail me a link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account uses ${email}`);

  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(await newestMail(email, /new Marquee password/))![0];
  const path = new URL(link).pathname + new URL(link).search;
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("a-fresh-password");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page).toHaveURL(/\/account\/settings\?changed=password/);
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  // The link is spent.
  await page.goto(path);
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
});

test("signed in, the header leads to tickets and settings; the fan changes password, then deletes the account", async ({
  page,
}) => {
  const email = await newFan(page);
  await page.goto("/signin");
  await signIn(page, email, "a-long-password");
  await page.getByRole("link", { name: "My tickets" }).click();
  await expect(page.getByRole("heading", { name: "My tickets" })).toBeVisible();
  await page.getByTitle("Account settings").click();
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();

  const password = page.getByRole("region", { name: "Change password" });
  await password.getByLabel("Current password").fill("not-my-password");
  await password.getByLabel("New password").fill("another-long-password");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("alert")).toHaveText("The current password is wrong.");
  await password.getByLabel("Current password").fill("a-long-password");
  await password.getByLabel("New password").fill("another-long-password");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  // Still signed in on this device.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  const danger = page.getByRole("region", { name: "Delete account" });
  await danger.getByLabel("Current password").fill("another-long-password");
  await danger.getByLabel("Type DELETE to confirm").fill("DELETE");
  await danger.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await signIn(page, email, "another-long-password");
  await expect(page.getByText("The e-mail or password is wrong.")).toBeVisible();
});

test("a fan confirms their e-mail address from the link mailed from account settings", async ({ page }) => {
  const email = await newFan(page);
  await page.goto("/signin?callbackUrl=%2Faccount%2Fsettings");
  await signIn(page, email, "a-long-password");
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  const section = page.getByRole("region", { name: "E-mail address" });
  await expect(section).toContainText(`${email} is not confirmed yet`);
  await section.getByRole("button", { name: "E-mail me a confirmation link" }).click();
  await expect(section.getByRole("status")).toContainText(`We e-mailed a link to ${email}`);

  const link = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(await newestMail(email, /Confirm your e-mail/))![0];
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status")).toHaveText(`Thank you: ${email} is confirmed.`);

  await page.goto("/account/settings");
  await expect(page.getByRole("region", { name: "E-mail address" })).toContainText(`${email} is confirmed.`);
  await page.goto("/verify-email?token=forged.1.x");
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("alert")).toContainText("This link has expired or no longer works");
});
