import type { Browser, Page } from "@playwright/test";
import { expect, signIn } from "./fixtures";

// The door on the night (the demo's check-in staff, door@northstar.test, CHECK_IN at Northstar Live), and
// the Northstar Live events the door and its managers work on.

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A general-admission event of Northstar Live on sale now, found through the public API. */
export async function northstarEventOnSale(page: Page): Promise<{ id: string; slug: string }> {
  const list = await (await page.request.get("/api/v1/events?available=1&sort=date&pageSize=50")).json();
  for (const item of list.items as { slug: string }[]) {
    const details = await (await page.request.get(`/api/v1/events/${item.slug}`)).json();
    if (
      details.organization?.name === "Northstar Live" &&
      details.seating === "GENERAL_ADMISSION" &&
      details.availability.onSale
    ) {
      return { id: details.id, slug: item.slug };
    }
  }
  throw new Error("the demo catalogue has no Northstar Live general-admission event on sale");
}

/** The door's phone, signed in as check-in staff, from the dashboard overview to the event's check-in page. */
export async function doorPhoneAt(browser: Browser, eventId: string) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto("/signin?callbackUrl=/organizer");
  await signIn(page, "door@northstar.test");
  await expect(page).toHaveURL(/\/organizer\/northstar-live$/);
  await page.locator(`a[href$="/events/${eventId}/check-in"]`).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Check-in: / })).toBeVisible();
  await expect(page.getByText(/This device: Door /)).toBeVisible();
  return { context, page };
}

export async function typeCode(page: Page, code: string) {
  await page.getByLabel("Ticket code").fill(code);
  await page.getByRole("button", { name: "Check in" }).click();
}
