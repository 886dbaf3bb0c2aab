import { arenaShowUrl, freeSeats, signedInFan } from "./fan";
import { expect, test } from "./fixtures";

test("shots @mobile", async ({ page }, info) => {
  test.setTimeout(120_000);
  const url = await arenaShowUrl(page);
  await page.goto(url);
  const compact = info.project.name === "mobile";
  if (compact) {
    await page.getByTestId("section-overview").getByRole("button", { name: /^Section 204/ }).click();
  }
  await expect(page.getByTestId("seat-map")).toBeVisible();
  await freeSeats(page, "204").nth(0).click();
  await freeSeats(page, "204").nth(1).click();
  await page.getByRole("button", { name: "Hold 2 seats" }).click();
  await expect(page.getByTestId("sign-in-to-hold")).toBeVisible();
  await page.getByTestId("sign-in-to-hold").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shot-${info.project.name}-prompt.png` });
  await page.getByTestId("sign-in-to-hold").getByRole("link", { name: "Sign in" }).click();
  await page.screenshot({ path: `/tmp/shot-${info.project.name}-signin.png` });
  await signedInFan(page);
  await page.goto(url);
  if (compact) {
    await page.getByTestId("section-overview").getByRole("button", { name: /^Section 204/ }).click();
  }
  await freeSeats(page, "204").nth(0).click();
  await freeSeats(page, "204").nth(1).click();
  await page.getByRole("button", { name: "Hold 2 seats" }).click();
  await expect(page).toHaveURL(/checkout/);
  await page.screenshot({ path: `/tmp/shot-${info.project.name}-checkout.png`, fullPage: true });
  await page.goto(url);
  await expect(page.getByTestId("hold-banner")).toBeVisible();
  if (compact) {
    await page.getByTestId("section-overview").getByRole("button", { name: /^Section 204/ }).click();
  } else {
    // zoom into the section
    await page.locator('[data-seat-id][aria-label$="held by you"]').first().scrollIntoViewIfNeeded();
  }
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/shot-${info.project.name}-banner.png`, fullPage: true });
  await page.getByTestId("hold-banner").getByRole("button", { name: "Release" }).click();
  await page.screenshot({ path: `/tmp/shot-${info.project.name}-dialog.png` });
});
