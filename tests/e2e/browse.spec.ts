import { expect, test } from "./fixtures";

test("the home page lists upcoming demo events that open to their page @mobile", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByTestId("event-grid").getByRole("listitem");
  await expect(cards).toHaveCount(24);
  const first = cards.first();
  const title = await first.getByRole("heading").innerText();
  await first.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/Prices include all fees/).first()).toBeVisible();
});

test("the header search box finds an arena show", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: /search events/i }).fill("Velvet Comets");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=Velvet\+Comets/);
  await expect(page.getByRole("heading", { name: /The Velvet Comets: World Tour/ }).first()).toBeVisible();
});
