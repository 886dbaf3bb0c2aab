import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signIn } from "./fixtures";

/** A new fan, signed in, so per-fan ticket limits never carry over between tests or retries. */
export async function signedInFan(page: Page): Promise<string> {
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
  return email;
}

/** Free seats of one section, as the map offers them. */
export const freeSeats = (page: Page, section: string) =>
  page.locator(`[data-seat-id][aria-label^="Section ${section}, "]:not([aria-disabled="true"])`);

export async function payInSimulator(page: Page, card?: string) {
  await expect(page.getByText(/TEST MODE/)).toBeVisible();
  if (card) await page.getByLabel("Card number").fill(card);
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** The page of a general-admission event that is on sale now, found through the public API. */
export async function onSaleGeneralAdmissionEvent(page: Page): Promise<string> {
  const list = await (
    await page.request.get("/api/v1/events?category=comedy&available=1&sort=date&pageSize=20")
  ).json();
  for (const item of list.items as { slug: string }[]) {
    const details = await (await page.request.get(`/api/v1/events/${item.slug}`)).json();
    if (details.seating === "GENERAL_ADMISSION" && details.availability.onSale) return `/events/${item.slug}`;
  }
  throw new Error("the demo catalogue has no comedy event on sale");
}
