import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signIn } from "./fixtures";

/** A new fan's account (not signed in), so per-fan ticket limits never carry over between tests or retries. */
export async function newFanAccount(page: Page) {
  const email = `buyer-${randomUUID()}@example.test`;
  const password = "a-long-password";
  // From an address of its own (sign-ups are limited per address; specs make many fans from one machine).
  const address = `198.19.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  const created = await page.request.post("/api/v1/users", {
    data: { email, password, name: "E2E Buyer" },
    headers: { "x-forwarded-for": address },
  });
  expect(created.status()).toBe(201);
  return { email, password };
}

/** A new fan, signed in. */
export async function signedInFan(page: Page): Promise<{ email: string }> {
  const { email, password } = await newFanAccount(page);
  await page.goto("/signin");
  await signIn(page, email, password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return { email };
}

/** The page of the demo arena show, where the seat-map specs each pick in sections of their own. */
export async function arenaShowUrl(page: Page): Promise<string> {
  const list = await (await page.request.get("/api/v1/events?q=Velvet%20Comets%20Hudson%20Arena&pageSize=5")).json();
  return `/events/${(list.items as { slug: string }[])[0]!.slug}`;
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

/** Free seats of one section, as the map offers them. */
export const freeSeats = (page: Page, section: string) =>
  page.locator(`[data-seat-id][aria-label^="Section ${section}, "]:not([aria-disabled="true"])`);

export async function payInSimulator(page: Page, card?: string) {
  await expect(page.getByText(/TEST MODE/)).toBeVisible();
  if (card) await page.getByLabel("Card number").fill(card);
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** On a general-admission event's page: one ticket of the first type, held (the checkout page opens). */
export async function holdOneTicket(page: Page) {
  await page
    .getByRole("group", { name: /tickets$/ })
    .first()
    .getByRole("button", { name: "One more" })
    .click();
  await page.getByRole("button", { name: "Hold 1 ticket" }).click();
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
