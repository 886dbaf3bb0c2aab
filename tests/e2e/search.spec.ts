import { expect, test } from "./fixtures";

test("a misspelled artist in the header shows the event in the suggestions @mobile", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: /search events/i });
  await box.fill("velvt comets");
  const options = page.getByRole("listbox", { name: "Suggestions" }).getByRole("option");
  await expect(options.filter({ hasText: "The Velvet Comets" }).first()).toBeVisible();
  await box.press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/(search\?q=The%20Velvet%20Comets|events\/the-velvet-comets)/);
});

test("filters and pagination live in the URL: they survive a reload and the back button", async ({ page }) => {
  await page.goto("/search?q=tour");
  await expect(page.getByTestId("result-count")).toBeVisible();
  const filters = page.getByTestId("filters");
  await filters.getByRole("link", { name: /^Concert \d+/ }).click();
  await expect(page).toHaveURL(/category=concert/);
  const concertCount = await page.getByTestId("result-count").innerText();

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Page 2 of/)).toBeVisible();
  await expect(filters.getByRole("link", { name: /^Concert \d+/ })).toHaveAttribute("aria-current", "true");

  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByTestId("result-count")).toHaveText(concertCount);
  await page.goBack();
  await expect(page).not.toHaveURL(/category=/);
});

test("a typo shows what was understood", async ({ page }) => {
  await page.goto("/search?q=velvt+comets");
  await expect(page.getByTestId("showing-results-for")).toContainText("Showing results for velvet comets");
  await expect(page.getByTestId("event-grid").getByRole("listitem").first()).toContainText("Velvet Comets");
});
