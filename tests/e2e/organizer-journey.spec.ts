import { randomUUID } from "node:crypto";
import { freeSeats, payInSimulator, signedInFan } from "./fan";
import { expect, test } from "./fixtures";
import { createVenue, ORG, signInAsOrganizer } from "./organizer";

// The whole of an organizer's side, with a fan in a second browser: a venue drawn in
// the builder, an event priced by two zones, published, found, bought, renamed, cancelled
// and refunded. Each step is what a person sees, not what the database holds.

test("a venue built in the builder goes on sale, sells two seats, is renamed and cancelled, and the fan is refunded", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // one long story on a shared two-core machine
  const tag = randomUUID().slice(0, 6);
  const venueName = `Quayside Hall ${tag}`;
  const title = `Harbourlight Quartet ${tag}`;

  // 1. The venue and its seat map: a block with the mouse, an arc by keyboard, the arc in its own price zone.
  await signInAsOrganizer(page, "/venues");
  await expect(page.getByRole("heading", { name: "Venues", exact: true })).toBeVisible();
  await createVenue(page, venueName);
  await page.getByRole("link", { name: "Draw the seat map" }).click();
  await page.getByRole("button", { name: "+ Block" }).click();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "+ Arc" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Section B" })).toBeVisible();
  await page.getByLabel("New zone").focus();
  await page.keyboard.type("Premium");
  await page.keyboard.press("Enter");
  await page.getByLabel("Price zone", { exact: true }).selectOption({ label: "Premium" });
  await expect(page.getByText("No problems: this layout can be saved.")).toBeVisible();
  await page.getByRole("button", { name: "Save as version 1" }).click();
  await expect(page.locator("#save-status")).toContainText("Saved as version 1.");

  // 2. The event on that map, one price per zone, then published.
  await page.goto(`/organizer/${ORG}/events/new`);
  await page.getByLabel("Venue", { exact: true }).selectOption({ label: `${venueName}, Portland` });
  await page.getByLabel("Seating").selectOption({ index: 1 });
  await expect(page.getByLabel("Seating").locator("option:checked")).toHaveText(/^Seat map v1: .* \(288 seats\)/);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Performers").fill("Harbourlight Quartet");
  await page.getByLabel("Description").fill("Strings by the water.");
  await page.getByLabel("Starts").fill("2031-07-10T19:30");
  await page.getByLabel("Ends").fill("2031-07-10T22:00");
  await page.getByLabel("Ticket name for Standard").fill("Stalls");
  await page.getByLabel("Ticket name for Premium").fill("Premium arc");
  const prices = page.getByLabel("Price", { exact: true });
  await prices.nth(0).fill("30");
  await prices.nth(1).fill("55");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Draft created.")).toBeVisible();
  await expect(page.getByTestId("ticket-type")).toHaveCount(2);
  const editor = page.url();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/^Published:/)).toBeVisible();

  // 3. A fan finds it by search and buys a seat in each zone.
  const fanContext = await browser.newContext();
  const fan = await fanContext.newPage();
  await signedInFan(fan);
  await fan.getByRole("combobox", { name: /search events/i }).fill(title);
  await fan.getByRole("button", { name: "Search" }).click();
  await fan
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  await expect(fan.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  const eventUrl = fan.url();
  await freeSeats(fan, "A").first().click();
  await freeSeats(fan, "B").first().click();
  await fan.getByRole("button", { name: "Hold 2 seats" }).click();
  await expect(fan.getByTestId("hold-items").getByRole("listitem")).toHaveCount(2);
  await fan.getByRole("button", { name: /^Pay \$/ }).click();
  await payInSimulator(fan);
  await expect(fan.getByTestId("order-status")).toHaveText("Paid");
  await expect(fan.getByTestId("tickets")).toContainText("Stalls");
  await expect(fan.getByTestId("tickets")).toContainText("Premium arc");
  const orderUrl = fan.url();

  // 4. The organizer renames the event; the fan's next look at the page shows the new title.
  await page.goto(editor);
  await page.getByLabel("Title").fill(`${title} (Late Show)`);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Details saved.")).toBeVisible();
  await fan.goto(eventUrl);
  await expect(fan.getByRole("heading", { level: 1, name: `${title} (Late Show)`, exact: true })).toBeVisible();

  // 5. The organizer cancels; the refund reaches the fan's order without anyone touching it.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByLabel("Message to ticket holders (optional)").fill("The quartet's cellist is unwell.");
  await page.getByRole("button", { name: "Cancel event" }).click();
  await expect(page.getByTestId("cancellation-progress")).toContainText("of 1 paid orders refunded");
  await fan.goto(eventUrl);
  await expect(fan.getByText(/cancelled/i).first()).toBeVisible();
  await expect(async () => {
    await fan.goto(orderUrl);
    await expect(fan.getByTestId("order-status")).toHaveText("Refunded", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(fan.getByText(/refunded\)/)).toBeVisible();
  await expect(fan.getByText("Voided")).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId("cancellation-progress")).toContainText("1 of 1 paid orders refunded");
  await expect(page.getByText("Every order is refunded.")).toBeVisible();
  await fanContext.close();
});
