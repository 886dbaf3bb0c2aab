import type { Page } from "@playwright/test";
import { buyTwoGeneralAdmission, freeSeats, onSaleGeneralAdmissionEvent, payInSimulator, signedInFan } from "./fan";
import { expect, test } from "./fixtures";

const ARENA_SHOW = /The Velvet Comets: World Tour/;

async function openArenaShow(page: Page) {
  await page.getByRole("combobox", { name: /search events/i }).fill("Velvet Comets Hudson Arena");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: ARENA_SHOW }).first().click();
  await expect(page.getByTestId("seat-map")).toBeVisible();
}

test("a fan picks arena seats with the mouse and the keyboard, pays, and another browser sees them taken", async ({
  page,
  browser,
}) => {
  await signedInFan(page);
  await openArenaShow(page);
  const eventUrl = page.url();

  const first = freeSeats(page, "105").first();
  const firstName = (await first.getAttribute("aria-label"))!.split(", $")[0]!;
  await first.click();
  await expect(page.getByRole("button", { name: "Hold 1 seat" })).toBeVisible();
  // The map keeps focus on the chosen seat: the arrow key moves to a neighbour and Enter picks it.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Hold 2 seats" })).toBeVisible();
  const summary = page.getByTestId("selection-summary");
  await expect(summary).toContainText(firstName.replaceAll(", ", " · "));

  await page.getByRole("button", { name: "Hold 2 seats" }).click();
  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
  await expect(page.getByTestId("countdown")).toBeVisible();
  await expect(page.getByTestId("hold-items").getByRole("listitem")).toHaveCount(2);
  const heldSeats = await page.getByTestId("hold-items").getByRole("listitem").allInnerTexts();

  await page.getByRole("button", { name: /^Pay \$/ }).click();
  await payInSimulator(page);
  await expect(page).toHaveURL(/\/orders\//);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("tickets").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("img", { name: /QR code for ticket MQ-/ })).toHaveCount(2);

  const other = await browser.newPage();
  await other.goto(eventUrl);
  for (const text of heldSeats) {
    const seatName = text.split("\n").find((line) => line.startsWith("Section"))!;
    await expect(other.locator(`[aria-label^="${seatName},"]`)).toHaveAttribute("aria-disabled", "true");
  }
  await other.close();
});

test("a fan buys general admission tickets by quantity @mobile", async ({ page }) => {
  await signedInFan(page);
  await page.goto(await onSaleGeneralAdmissionEvent(page));
  await buyTwoGeneralAdmission(page);
  await expect(page.getByTestId("tickets").getByRole("listitem")).toHaveCount(2);
  await page.getByRole("link", { name: "All my tickets" }).click();
  await expect(page.getByRole("heading", { name: "My tickets" })).toBeVisible();
  await expect(page.getByTestId("event-tickets").filter({ hasText: "2 tickets" })).toBeVisible();
});

test("a declined card keeps the seats held and the fan can pay again", async ({ page, browser }) => {
  await signedInFan(page);
  await openArenaShow(page);
  const eventUrl = page.url();
  const seat = freeSeats(page, "203").first();
  const seatName = (await seat.getAttribute("aria-label"))!.split(", $")[0]!;
  await seat.click();
  await page.getByRole("button", { name: "Hold 1 seat" }).click();
  await page.getByRole("button", { name: /^Pay \$/ }).click();

  await payInSimulator(page, "4000 0000 0000 0002");
  await expect(page.getByText("Your card was declined. Try another card.")).toBeVisible();
  const other = await browser.newPage();
  await other.goto(eventUrl);
  await expect(other.locator(`[aria-label^="${seatName},"]`)).toHaveAttribute("aria-disabled", "true");
  await other.close();

  await payInSimulator(page, "4242 4242 4242 4242");
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
});
