import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createVenue, layoutSeat, signInAsOrganizer, typeInto } from "./organizer";

// The organizer's path from nothing to a saved seat map: a venue, a block and an
// arc, two price zones, a wheelchair space, an overlap caught and fixed, version 1.

async function signInToVenues(page: Page) {
  await signInAsOrganizer(page, "/venues");
  await expect(page.getByRole("heading", { name: "Venues", exact: true })).toBeVisible();
}

test("an organizer creates a venue, builds its seat map with the mouse and the keyboard, and saves version 1", async ({
  page,
}) => {
  await signInToVenues(page);
  const name = `Harbour Hall ${randomUUID().slice(0, 6)}`;
  await createVenue(page, name);
  await page.getByRole("link", { name: "Draw the seat map" }).click();
  await expect(page.getByRole("heading", { name: `Seat map of ${name}` })).toBeVisible();
  await expect(page.getByTestId("layout-issues")).toContainText("Add at least one section.");

  // A block with the mouse; then, by keyboard, Tab to "+ Arc" and Enter.
  await page.getByRole("button", { name: "+ Block" }).click();
  await expect(page.getByRole("heading", { name: "Section A" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "+ Arc" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Section B" })).toBeVisible();
  // Two more seats in each of the arc's rows, with the arrow key in its number field.
  const perRow = page.getByLabel("Seats per row");
  await perRow.focus();
  await perRow.press("ArrowUp");
  await perRow.press("ArrowUp");
  await expect(perRow).toHaveValue("22");
  await expect(page.getByTestId("layout-figures")).toContainText("304 seats"); // 8 × 16 + 8 × 22

  // A second price zone, typed and entered; the arc takes it.
  await page.getByLabel("New zone").focus();
  await page.keyboard.type("Premium");
  await page.keyboard.press("Enter");
  await page.getByLabel("Price zone", { exact: true }).selectOption({ label: "Premium" });
  await expect(layoutSeat(page, "s2/A/1")).toHaveAttribute("aria-label", "Section B, Row A, Seat 1, Premium");

  // With the mouse, Shift-drag a box over the block's front row and give those seats Premium too.
  const from = (await layoutSeat(page, "s1/A/1").boundingBox())!;
  const to = (await layoutSeat(page, "s1/A/4").boundingBox())!;
  await page.keyboard.down("Shift");
  await page.mouse.move(from.x - 2, from.y - 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width + 2, to.y + to.height + 2, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(page.getByTestId("selection-count")).toHaveText("4 seats selected.");
  await page.getByLabel("Price zone for the selected seats").selectOption({ label: "Premium" });
  await page.getByRole("button", { name: "Apply zone" }).click();
  await expect(layoutSeat(page, "s1/A/4")).toHaveAttribute("aria-label", "Section A, Row A, Seat 4, Premium");
  await expect(layoutSeat(page, "s1/A/5")).toHaveAttribute("aria-label", "Section A, Row A, Seat 5, Standard");
  await page.getByRole("button", { name: "Clear selection" }).click();

  // With the keyboard, walk the map to the second row and select a seat with Space; mark it.
  await layoutSeat(page, "s1/A/1").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await expect(layoutSeat(page, "s1/B/2")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("selection-count")).toHaveText("1 seat selected.");
  await page.getByRole("button", { name: "Wheelchair space" }).focus();
  await page.keyboard.press("Enter");
  await expect(layoutSeat(page, "s1/B/2")).toHaveAttribute(
    "aria-label",
    /^Section A, Row B, Seat 2, Standard, wheelchair space/,
  );

  // Pull the arc onto the block: the overlap is explained and saving is refused until it is fixed.
  await page.getByRole("button", { name: /^Section B · arc/ }).click();
  await typeInto(page.getByLabel("Centre y"), "0");
  await typeInto(page.getByLabel("Radius of first row"), "120");
  await expect(page.getByTestId("layout-issues")).toContainText(/Seats A\/\w+\/\d+ and B\/\w+\/\d+ overlap/);
  const save = page.getByRole("button", { name: "Save as version 1" });
  await expect(save).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText(/problems? to fix before saving/).first()).toBeVisible();
  await typeInto(page.getByLabel("Centre y"), "300");
  await expect(page.getByText("No problems: this layout can be saved.")).toBeVisible();

  await save.click();
  await expect(page.locator("#save-status")).toContainText("Saved as version 1.");
  await page.getByRole("link", { name: "Back to the venue" }).click();
  const versions = page.getByTestId("layout-versions");
  await expect(versions.getByRole("row")).toHaveCount(2);
  await expect(versions.getByRole("row").nth(1)).toContainText(/v1\s*Harbour Hall \w+\s*304/);
  await expect(page.getByRole("link", { name: "Edit seat map (from v1)" })).toBeVisible();

  // The venue's details are edited on the same page; the form shows what was saved.
  await page.getByLabel("Postal code (optional)").fill("04101");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Venue saved.")).toBeVisible();
  await expect(page.getByLabel("Postal code (optional)")).toHaveValue("04101");
});

test("the builder works on a phone: controls stack under a usable preview @mobile", async ({ page }) => {
  await signInToVenues(page);
  await createVenue(page, `Pocket Hall ${randomUUID().slice(0, 6)}`);
  await page.getByRole("link", { name: "Draw the seat map" }).click();
  await page.getByRole("button", { name: "+ Block" }).click();

  const map = page.getByTestId("seat-map");
  const sections = page.getByRole("heading", { name: "Sections (1)" });
  expect((await map.boundingBox())!.y).toBeLessThan((await sections.boundingBox())!.y);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );

  // A tap selects a seat; the zoom buttons work; the mark applies.
  await layoutSeat(page, "s1/C/5").click();
  await expect(page.getByTestId("selection-count")).toHaveText("1 seat selected.");
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Companion seat" }).click();
  await expect(layoutSeat(page, "s1/C/5")).toHaveAttribute("aria-label", /companion seat/);
  const dragSelects = page.getByRole("button", { name: "Drag selects seats" });
  await expect(dragSelects).toHaveAttribute("aria-pressed", "false");
  await dragSelects.click();
  await expect(dragSelects).toHaveAttribute("aria-pressed", "true");
});
