import { devices, type Page } from "@playwright/test";
import { seriousAxeViolations } from "./axe";
import { arenaShowUrl, holdOneTicket, onSaleGeneralAdmissionEvent, payInSimulator, signedInFan } from "./fan";
import { expect, test } from "./fixtures";

// Issue 12, item 9: no serious or critical axe findings (WCAG 2.2 A/AA) on the pages of a fan's path,
// on a desktop and on a phone; headings in order on search.

const { defaultBrowserType: _browser, ...pixel7 } = devices["Pixel 7"];

/** Heading levels in document order. */
const headingLevels = (page: Page) =>
  page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((els) => els.map((el) => Number(el.tagName.slice(1))));

for (const [viewport, use] of [
  ["desktop", {}],
  ["phone", pixel7],
] as const) {
  test.describe(`on a ${viewport}`, () => {
    test.use(use);

    test("search results: no serious axe findings, one h1 and no skipped heading levels", async ({ page }) => {
      await page.goto("/search?q=tour");
      await expect(page.getByTestId("event-grid")).toBeVisible();
      expect(await seriousAxeViolations(page)).toEqual([]);
      const levels = await headingLevels(page);
      expect(levels[0]).toBe(1);
      expect(levels.filter((level) => level === 1)).toHaveLength(1);
      levels.forEach((level, i) => i > 0 && expect(level, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1));
    });

    test("the arena show's event page with its seat map: no serious axe findings", async ({ page }) => {
      // axe looks at every one of the arena's 5,660 seats on a desktop.
      test.setTimeout(120_000);
      await page.goto(await arenaShowUrl(page));
      // The whole map on a desktop; the section overview first on a phone.
      await expect(page.getByTestId("seat-map").or(page.getByTestId("section-overview")).first()).toBeVisible();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    test("an order page after a purchase: no serious axe findings", async ({ page }) => {
      await signedInFan(page);
      await page.goto(await onSaleGeneralAdmissionEvent(page));
      await holdOneTicket(page);
      await page.getByRole("button", { name: /^Pay \$/ }).click();
      await payInSimulator(page);
      await expect(page.getByTestId("order-status")).toHaveText("Paid");
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });
}
