import { expect, test } from "./fixtures";

// Issue 12, items 8 and 9: the small things a fan notices.

test("the 404 page says what was not found, inside one <main>", async ({ page }) => {
  const response = await page.goto("/events/no-such-show-anywhere");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that event");
  await expect(page.getByText("/events/no-such-show-anywhere")).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);

  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
  await expect(page.locator("main")).toHaveCount(1);
});

test("the footer's Status opens a page for people; the JSON stays at /api/health", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Status" }).click();
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.getByRole("heading", { name: "Service status" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Database Working/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Background worker/ })).toBeVisible();
});

test("a favicon and a touch icon", async ({ page }) => {
  await page.goto("/");
  const icon = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  const touch = await page.locator('head link[rel="apple-touch-icon"]').first().getAttribute("href");
  expect((await page.request.get(icon!)).headers()["content-type"]).toContain("image/svg+xml");
  expect((await page.request.get(touch!)).headers()["content-type"]).toContain("image/png");
});

test("generated event copy is grammatical", async ({ page }) => {
  const list = await (await page.request.get("/api/v1/events?q=Luna%20Marquez&pageSize=1")).json();
  await page.goto(`/events/${(list.items as { slug: string }[])[0]!.slug}`);
  await expect(page.getByText(/Luna Marquez comes to /)).toBeVisible();
});
