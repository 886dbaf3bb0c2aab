import type { Locator, Page } from "@playwright/test";
import { demo, expect, signIn } from "./fixtures";

export const ORG = "northstar-live"; // prisma/demo/catalog.ts

/** Signs the demo organizer in on the way to `path` of their organization. */
export async function signInAsOrganizer(page: Page, path: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/organizer/${ORG}${path}`)}`);
  await signIn(page, demo.organizer);
}

/** From the venues list: a new venue in Portland, after the form has refused a missing time zone. */
export async function createVenue(page: Page, name: string) {
  await page.getByRole("link", { name: "Add a venue" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Street address").fill("1 Pier Road");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel("Region or state (optional)").fill("ME");
  await page.getByLabel("Country code").fill("us");
  await page.getByLabel("Latitude").fill("43.6561");
  await page.getByLabel("Longitude").fill("-70.2486");
  // Forgot the time zone: the form says so beside the field and keeps what was typed.
  await page.getByRole("button", { name: "Create venue" }).click();
  await expect(page.getByText("Time zone must be a time zone from the list")).toBeVisible();
  await expect(page.getByLabel("City")).toHaveValue("Portland");
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Create venue" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Venue created.")).toBeVisible();
}

/** Replaces a field's value by keyboard: select what is there, type the new value. */
export async function typeInto(field: Locator, value: string) {
  await field.focus();
  await field.press("ControlOrMeta+a");
  await field.pressSequentially(value);
}

/** A seat of the builder's preview (or the fan's map) by its layout key, e.g. "s1/A/1". */
export const layoutSeat = (page: Page, id: string) => page.locator(`[data-seat-id="${id}"]`);
