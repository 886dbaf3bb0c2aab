import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// The demo organizer of the arenas (prisma/demo/catalog.ts) reads a show's report: the sales
// history the demo data seeds (prisma/demo/sales-history.ts) is what the chart, the tables,
// the CSV and the seat map show.

const ORG = "bigtop-sports";
// Both arena shows' title (prisma/demo/seed-data.ts).
const ARENA_SHOW = "The Velvet Comets: World Tour";

/** The Hudson Arena show's id: other events share its title, so it is found by its seating and venue. */
async function hudsonArenaShow(page: Page): Promise<string> {
  const list = await (await page.request.get("/api/v1/events?q=Velvet%20Comets&pageSize=10")).json();
  for (const { slug } of list.items as { slug: string }[]) {
    const details = await (await page.request.get(`/api/v1/events/${slug}`)).json();
    if (details.seating === "RESERVED" && details.venue.name.includes("Hudson")) return details.id as string;
  }
  throw new Error("the demo catalogue's Hudson Arena show is missing");
}

async function openArenaReport(page: Page) {
  const eventId = await hudsonArenaShow(page);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/organizer/${ORG}/reports`)}`);
  await signIn(page, "organizer@bigtop.test");
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByTestId("sales-chart")).toBeVisible();
  await page.getByTestId("event-table").locator(`a[href$="/events/${eventId}/report"]`).click();
  await expect(page.getByRole("heading", { level: 1, name: `Report: ${ARENA_SHOW}` })).toBeVisible();
}

async function readsTheReport(page: Page) {
  await openArenaReport(page);

  // The chart, and the same numbers as a table.
  await expect(page.getByTestId("sales-chart").locator("rect").first()).toBeVisible();
  await page.getByText("Show the numbers as a table").click();
  await expect(page.getByTestId("sales-table").getByRole("row").nth(1)).toBeVisible();

  const types = page.getByTestId("ticket-type-table");
  await expect(types.getByRole("rowheader", { name: /^Floor/ })).toBeVisible();
  await expect(types.getByRole("rowheader", { name: /^Upper Bowl/ })).toBeVisible();
  await expect(page.getByTestId("zone-table").getByRole("rowheader", { name: "lower" })).toBeVisible();

  // The attendees CSV: a header and one line per ticket.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Attendees (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-attendees\.csv$/);
  const lines = (await readFile((await file.path())!, "utf8")).split("\r\n");
  expect(lines[0]).toBe(
    "Ticket,Ticket status,Ticket type,Section,Row,Seat,Name,E-mail,Order,Order status,Checked in (UTC)",
  );
  expect(lines[1]).toMatch(
    /^MQ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4},(ISSUED|VOIDED),(Floor|Lower Bowl|Upper Bowl),/,
  );
  expect(lines.length).toBeGreaterThan(100);

  // The seat map, drawn by what each seat is: sold ones among them.
  const map = page.getByTestId("seat-map");
  await map.scrollIntoViewIfNeeded();
  await expect(map).toBeVisible();
  await expect(page.getByTestId("occupancy-legend")).toContainText("Sold");
  await expect(page.getByTestId("occupancy-counts")).toContainText(/Sold: [1-9]/);
  expect(await map.locator('[data-seat-id][aria-label$=", Sold"]').count()).toBeGreaterThan(100);
  expect(await map.locator('[data-seat-id][aria-label$=", Free"]').count()).toBeGreaterThan(100);
}

test("the demo owner reads an arena show's report: chart, ticket types, attendees CSV and seat map", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await readsTheReport(page);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the same report fits a 390 × 844 screen", async ({ page }) => {
    test.setTimeout(60_000);
    await readsTheReport(page);
    // Nothing wider than the screen but the tables' own scrolling boxes.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
