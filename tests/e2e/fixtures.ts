import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "marquee-demo-2026";
export const demo = {
  fan: "fan@marquee.test",
  organizer: "organizer@northstar.test",
  admin: "admin@marquee.test",
};

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const test = base.extend<{ newAccount: { email: string; password: string; name: string } }>({
  newAccount: async ({}, provide) => {
    await provide({
      email: `fan-${randomUUID()}@example.test`,
      password: "a-long-password",
      name: `Fan ${randomUUID().slice(0, 4)}`,
    });
  },
});

export { expect };
