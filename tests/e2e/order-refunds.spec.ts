import type { Page } from "@playwright/test";
import { payInSimulator, signedInFan } from "./fan";
import { expect, signIn, test } from "./fixtures";
import { ORG } from "./organizer";

// A fan buys two tickets; a manager of the organization finds the order by the fan's e-mail and
// refunds one of the two tickets; the fan's order page shows the partial refund and the void ticket.

// Northstar Live's venues (prisma/demo/catalog.ts): the manager below manages their events.
const NORTHSTAR_VENUES = [
  "The Lantern Room",
  "Lakeshore Pavilion",
  "Sunset Strip Hall",
  "Riverbend Amphitheater",
  "Emerald Sound Ballroom",
  "Cumberland Music Hall",
];

/**
 * The page of a Northstar Live event on sale now, found through the public API. (The demo's seat
 * maps belong to another organization's arenas, so Northstar's events sell general admission.)
 */
async function northstarEventOnSale(page: Page): Promise<string> {
  const seen: string[] = [];
  const list = await (await page.request.get("/api/v1/events?available=1&sort=date&pageSize=100")).json();
  for (const item of list.items as { slug: string }[]) {
    const details = await (await page.request.get(`/api/v1/events/${item.slug}`)).json();
    seen.push(`${details.venue?.name} ${details.seating} ${details.availability?.onSale}`);
    if (
      details.seating === "GENERAL_ADMISSION" &&
      details.availability.onSale &&
      NORTHSTAR_VENUES.includes(details.venue.name)
    ) {
      return `/events/${item.slug}`;
    }
  }
  throw new Error(`the demo catalogue has no Northstar Live event on sale; seen: ${seen.join("; ")}`);
}

test("a manager finds a fan's order by e-mail, refunds one of two tickets, and the fan sees the partial refund", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signedInFan(page);
  const email = (await (await page.request.get("/api/v1/me")).json()).user.email as string;
  await page.goto(await northstarEventOnSale(page));
  const stepper = page.getByRole("group", { name: /tickets$/ }).first();
  await stepper.getByRole("button", { name: "One more" }).click();
  await stepper.getByRole("button", { name: "One more" }).click();
  await page.getByRole("button", { name: "Hold 2 tickets" }).click();
  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
  await page.getByRole("button", { name: /^Pay / }).click();
  await payInSimulator(page);
  await expect(page).toHaveURL(/\/orders\//);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("tickets").getByRole("listitem")).toHaveCount(2);
  const fanOrderUrl = page.url();

  // The manager, on a phone.
  const manager = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await manager.goto(`/signin?callbackUrl=${encodeURIComponent(`/organizer/${ORG}/orders`)}`);
  await signIn(manager, "manager@northstar.test");
  await expect(manager.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await manager.getByRole("searchbox", { name: "Search" }).fill(email);
  await manager.getByRole("button", { name: "Find orders" }).click();
  const rows = manager.getByTestId("order-list").getByRole("listitem");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link").click();
  await expect(manager.getByTestId("order-email")).toHaveText(email);

  const form = manager.getByTestId("refund-form");
  await form.getByRole("checkbox").first().check();
  await form.getByLabel("Reason (the buyer sees it)").fill("Can only make it alone");
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(form.getByRole("status")).toContainText(/Refund of \$[\d.,]+ made/);
  await expect(manager.getByTestId("organizer-refunds").getByRole("listitem")).toHaveCount(1);
  await expect(manager.getByTestId("organizer-tickets")).toContainText("Void");
  await expect(manager.getByTestId("order-timeline")).toContainText("Refund requested by Max Manager");

  // The fan's page: partly refunded, the refund with its amount and reason, one ticket void.
  await page.goto(fanOrderUrl);
  const refunds = page.getByTestId("refunds").getByRole("listitem");
  await expect(refunds).toHaveCount(1);
  await expect(refunds.first()).toContainText("Can only make it alone");
  await expect(refunds.first()).toContainText(/Void: MQ-/);
  await expect(page.getByTestId("tickets").getByText("Voided")).toHaveCount(1);
});
