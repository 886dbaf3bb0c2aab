import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signIn } from "./fixtures";

/** A new fan, signed in, so per-fan ticket limits never carry over between tests or retries. */
export async function signedInFan(page: Page) {
  const email = `buyer-${randomUUID()}@example.test`;
  // From an address of its own (sign-ups are limited per address; specs make many fans from one machine).
  const address = `198.19.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  const created = await page.request.post("/api/v1/users", {
    data: { email, password: "a-long-password", name: "E2E Buyer" },
    headers: { "x-forwarded-for": address },
  });
  expect(created.status()).toBe(201);
  await page.goto("/signin");
  await signIn(page, email, "a-long-password");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Free seats of one section, as the map offers them. */
export const freeSeats = (page: Page, section: string) =>
  page.locator(`[data-seat-id][aria-label^="Section ${section}, "]:not([aria-disabled="true"])`);

export async function payInSimulator(page: Page, card?: string) {
  await expect(page.getByText(/TEST MODE/)).toBeVisible();
  if (card) await page.getByLabel("Card number").fill(card);
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** On a general-admission event's page: two tickets of the first type, held and paid in the simulator. */
export async function buyTwoGeneralAdmission(page: Page) {
  const stepper = page.getByRole("group", { name: /tickets$/ }).first();
  await stepper.getByRole("button", { name: "One more" }).click();
  await stepper.getByRole("button", { name: "One more" }).click();
  await page.getByRole("button", { name: "Hold 2 tickets" }).click();
  await expect(page).toHaveURL(/\/checkout\//);
  await page.getByRole("button", { name: /^Pay \$/ }).click();
  await payInSimulator(page);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
}
