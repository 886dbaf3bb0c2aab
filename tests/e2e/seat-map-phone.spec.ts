import { devices, type Page } from "@playwright/test";
import { arenaShowUrl, signedInFan } from "./fan";
import { expect, test } from "./fixtures";

// Issue 12, item 2: the arena's seat map on a phone. Sections come first (prices and seats left),
// a tap on one opens its seats at a size a finger can hit (24 px apart or more), and two taps on
// seats pick them. Section 107 is this spec's own, so parallel specs never compete for its seats.

const { defaultBrowserType: _browser, ...pixel7 } = devices["Pixel 7"];
test.use(pixel7);

const SECTION = "107";

/** Free seats whose centres are on screen and inside the map's frame, nearest its middle first, as tap points. */
async function seatsOnScreen(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector("[data-testid=seat-map]")!.getBoundingClientRect();
    const margin = 16;
    return [...document.querySelectorAll('[data-testid=seat-map] [data-seat-id]:not([aria-disabled="true"])')]
      .map((element) => {
        const box = element.getBoundingClientRect();
        return {
          label: element.getAttribute("aria-label")!,
          x: box.x + box.width / 2,
          y: box.y + box.height / 2,
        };
      })
      .filter(
        (seat) =>
          seat.x > svg.left + margin &&
          seat.x < svg.right - margin &&
          seat.y > Math.max(svg.top, 0) + margin &&
          seat.y < Math.min(svg.bottom, window.innerHeight) - margin,
      )
      .sort(
        (a, b) =>
          Math.hypot(a.x - (svg.left + svg.right) / 2, a.y - (svg.top + svg.bottom) / 2) -
          Math.hypot(b.x - (svg.left + svg.right) / 2, b.y - (svg.top + svg.bottom) / 2),
      );
  });
}

test("on a phone a fan taps a section in the overview, then two seats, and holds them", async ({ page }) => {
  await signedInFan(page);
  await page.goto(await arenaShowUrl(page));

  // The overview: every section as a button with its all-in price and seats left; no seats drawn yet.
  const overview = page.getByTestId("section-overview");
  await expect(overview).toBeVisible();
  await expect(
    overview.getByRole("button", { name: new RegExp(`^Section ${SECTION}, Lower Bowl \\$[\\d.]+, \\d+ left$`) }),
  ).toBeVisible();
  await expect(page.locator("[data-seat-id]")).toHaveCount(0);

  // A tap on the section's shape in the overview map opens it.
  const label = page.getByTestId("section-overview-map").locator("text", { hasText: new RegExp(`^${SECTION}$`) });
  await label.scrollIntoViewIfNeeded();
  const box = (await label.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole("heading", { name: new RegExp(`^Section ${SECTION}`) })).toBeFocused();
  const map = page.getByTestId("seat-map");
  await expect(map).toBeVisible();
  // Only that section's seats are drawn.
  const drawn = await page.locator("[data-seat-id]").count();
  expect(drawn).toBeGreaterThan(100);
  expect(await page.locator(`[data-seat-id][aria-label^="Section ${SECTION}, "]`).count()).toBe(drawn);

  await map.scrollIntoViewIfNeeded();
  const onScreen = await seatsOnScreen(page);
  expect(onScreen.length).toBeGreaterThan(2);
  // Tap targets of at least 24 × 24 px: neighbouring seats are that far apart on screen.
  const [first, ...rest] = onScreen;
  const pitch = Math.min(...rest.map((seat) => Math.hypot(seat.x - first!.x, seat.y - first!.y)));
  expect(pitch).toBeGreaterThanOrEqual(24);

  // Two taps, each a little off the seat's centre (still within its target), pick two seats.
  const second = rest.find((seat) => Math.hypot(seat.x - first!.x, seat.y - first!.y) === pitch)!;
  await page.touchscreen.tap(first!.x + 5, first!.y + 5);
  await expect(page.getByRole("button", { name: "Hold 1 seat" })).toBeVisible();
  await page.touchscreen.tap(second.x - 5, second.y + 5);
  await expect(page.getByRole("button", { name: "Hold 2 seats" })).toBeVisible();
  for (const seat of [first!, second]) {
    const name = seat.label.replace(/, available$/, "");
    await expect(page.locator(`[aria-label="${name}, selected"]`)).toHaveAttribute("aria-checked", "true");
  }

  // Back to all sections and in again: the selection stays.
  await page.getByRole("button", { name: "All sections" }).tap();
  await expect(overview.getByRole("button", { name: new RegExp(`^Section ${SECTION},`) })).toBeFocused();
  await overview.getByRole("button", { name: new RegExp(`^Section ${SECTION},`) }).tap();
  await expect(page.locator('[aria-checked="true"]')).toHaveCount(2);

  await page.getByRole("button", { name: "Hold 2 seats" }).tap();
  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
  await expect(page.getByTestId("hold-items").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("hold-items")).toContainText(`Section ${SECTION}`);
});
