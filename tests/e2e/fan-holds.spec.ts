import type { Browser, Page } from "@playwright/test";
import {
  arenaShowUrl,
  freeSeats,
  holdOneTicket,
  newFanAccount,
  onSaleGeneralAdmissionEvent,
  payInSimulator,
  signedInFan,
} from "./fan";
import { expect, signIn, test } from "./fixtures";

// Issue 12, items 5 and 7: sign-in keeps what the fan was doing, and holds they can see. Sections 108, 110, 206
// and 207 of the arena are this spec's own, so parallel specs never compete for their seats.

// Journeys through sign-in, checkout and back on the 5,660-seat map: long on a shared two-core machine.
test.describe.configure({ timeout: 90_000 });

/** "Section 108, Row 3, Seat 4" of a seat on the map (its label goes on with the price and status). */
async function seatNameOf(page: Page, section: string, index: number) {
  const label = await freeSeats(page, section).nth(index).getAttribute("aria-label");
  return label!.split(", $")[0]!;
}

const seatNamed = (page: Page, name: string) => page.locator(`[data-seat-id][aria-label^="${name},"]`);

/** Picks `count` free seats of a section on the desktop map and returns their names. */
async function pickSeats(page: Page, section: string, count: number) {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = await seatNameOf(page, section, i);
    await seatNamed(page, name).click();
    await expect(seatNamed(page, name)).toHaveAttribute("aria-checked", "true");
    names.push(name);
  }
  return names;
}

/** Another fan, in a browser of their own, holds a seat through the API (as their own page would). */
async function anotherFanHolds(browser: Browser, baseURL: string, eventId: string, seatId: string) {
  const other = await browser.newPage({ baseURL });
  await signedInFan(other);
  const held = await other.request.post(`/api/v1/events/${eventId}/holds`, {
    data: { seatIds: [seatId] },
    headers: { origin: new URL(baseURL).origin },
  });
  expect(held.status()).toBe(201);
  await other.close();
}

test("a signed-out fan is told why sign-in is needed, and the seats survive sign-up and are held on return", async ({
  page,
  newAccount,
}) => {
  const eventUrl = await arenaShowUrl(page);
  await page.goto(eventUrl);
  await expect(page.getByTestId("seat-map")).toBeVisible();
  const names = await pickSeats(page, "108", 2);
  await page.getByRole("button", { name: "Hold 2 seats" }).click();

  // Not sent away without a word: the page says why, and the selection stays on the map.
  const prompt = page.getByTestId("sign-in-to-hold");
  await expect(prompt).toContainText("Sign in to hold these seats — we'll keep your selection.");
  await expect(page).toHaveURL(new RegExp(`${eventUrl}$`));
  await expect(page.getByRole("button", { name: "Hold 2 seats" })).toBeVisible();

  await prompt.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByTestId("sign-in-reason")).toContainText("Create an account to hold your tickets");
  await page.getByLabel("Name").fill(newAccount.name);
  await page.getByLabel("E-mail").fill(newAccount.email);
  await page.getByLabel("Password").fill(newAccount.password);
  await page.getByRole("button", { name: "Create account" }).click();

  // Back on the event, the same two seats are held at once and checkout opens.
  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
  const items = page.getByTestId("hold-items");
  await expect(items.getByRole("listitem")).toHaveCount(2);
  for (const name of names) await expect(items).toContainText(name.split(", ").slice(1).join(", "));
});

test("a seat taken while the fan signs in is named, and the rest stay selected", async ({ page, browser, baseURL }) => {
  const account = await newFanAccount(page);
  const eventUrl = await arenaShowUrl(page);
  const panel = await (await page.request.get(`/api/v1/events/${eventUrl.split("/").pop()}/availability`)).json();
  await page.goto(eventUrl);
  await expect(page.getByTestId("seat-map")).toBeVisible();
  const [lost, kept] = await pickSeats(page, "110", 2);
  const lostId = await seatNamed(page, lost!).getAttribute("data-seat-id");
  await page.getByRole("button", { name: "Hold 2 seats" }).click();
  await page.getByTestId("sign-in-to-hold").getByRole("link", { name: "Sign in" }).click();

  await anotherFanHolds(browser, baseURL!, panel.eventId, lostId!);
  await expect(page.getByTestId("sign-in-reason")).toBeVisible();
  await signIn(page, account.email, account.password);

  await expect(page).toHaveURL(new RegExp(`${eventUrl}$`));
  await expect(page.getByRole("alert").filter({ hasText: "While you were signing in" })).toContainText(
    `${lost} was just taken`,
  );
  await expect(page.getByRole("button", { name: "Hold 1 seat" })).toBeVisible();
  await expect(seatNamed(page, kept!)).toHaveAttribute("aria-checked", "true");
  await expect(seatNamed(page, lost!)).toHaveAttribute("aria-disabled", "true");
});

test("a GA quantity survives sign-in on a phone and is held on return @mobile", async ({ page }) => {
  const account = await newFanAccount(page);
  const eventUrl = await onSaleGeneralAdmissionEvent(page);
  await page.goto(eventUrl);
  const stepper = page.getByRole("group", { name: /tickets$/ }).first();
  await stepper.getByRole("button", { name: "One more" }).click();
  await stepper.getByRole("button", { name: "One more" }).click();
  await page.getByRole("button", { name: "Hold 2 tickets" }).click();

  const prompt = page.getByTestId("sign-in-to-hold");
  await expect(prompt).toContainText("Sign in to hold these tickets — we'll keep your selection.");
  await prompt.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-reason")).toContainText("Sign in to hold your tickets");
  // Switching to sign-up keeps both where to come back to and why.
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute(
    "href",
    `/signup?callbackUrl=${encodeURIComponent(eventUrl)}&reason=hold`,
  );
  await signIn(page, account.email, account.password);

  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
  await expect(page.getByTestId("hold-items")).toContainText("2 ×");

  // Back on the event page the phone shows the hold, and releasing it asks first.
  await page.goto(eventUrl);
  const banner = page.getByTestId("hold-banner");
  await expect(banner).toContainText(/You're holding 2 tickets — \d+:\d\d left/);
  await banner.getByRole("button", { name: "Release" }).click();
  const dialog = page.getByRole("dialog", { name: "Release 2 tickets?" });
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await dialog.getByRole("button", { name: "Release 2 tickets" }).click();
  await expect(page.getByTestId("hold-notice")).toHaveText("Released. Your 2 tickets are back on sale.");
  await expect(banner).toHaveCount(0);
});

test("the header's Sign in returns to the page you were on, and only to this site", async ({ page, browser }) => {
  const account = await newFanAccount(page);
  await page.goto("/search?q=jazz");
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsearch%3Fq%3Djazz$/);
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/search\?q=jazz$/);

  for (const target of ["//evil.example/phish", "https://evil.example/phish", "/\\evil.example"]) {
    const visitor = await browser.newPage({ baseURL: new URL(page.url()).origin });
    await visitor.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
    await signIn(visitor, account.email, account.password);
    await expect(visitor.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(new URL(visitor.url()).origin, target).toBe(new URL(page.url()).origin);
    expect(new URL(visitor.url()).pathname, target).toBe("/");
    await visitor.close();
  }
});

test("back on the event page the fan sees the hold, their seats as theirs, and releases it after confirming", async ({
  page,
}) => {
  await signedInFan(page);
  const eventUrl = await arenaShowUrl(page);
  await page.goto(eventUrl);
  await expect(page.getByTestId("seat-map")).toBeVisible();
  const names = await pickSeats(page, "206", 2);
  await page.getByRole("button", { name: "Hold 2 seats" }).click();
  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
  const checkoutUrl = page.url();

  await page.goto(eventUrl);
  const banner = page.getByTestId("hold-banner");
  await expect(banner).toContainText(/You're holding 2 seats — \d+:\d\d left/);
  for (const name of names) await expect(seatNamed(page, name)).toHaveAttribute("aria-label", /, held by you$/);
  await expect(page.locator('[data-seat-id][aria-label$=", held by you"]')).toHaveCount(2);
  await expect(page.getByTestId("legend-held-by-you")).toHaveText("Held by you");

  await banner.getByRole("link", { name: "Continue to checkout" }).click();
  await expect(page).toHaveURL(checkoutUrl);
  await page.goto(eventUrl);

  // The confirm step: the safe answer has focus, and Escape keeps the seats.
  await banner.getByRole("button", { name: "Release" }).click();
  const dialog = page.getByRole("dialog", { name: "Release 2 seats?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep them" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(banner).toBeVisible();

  await banner.getByRole("button", { name: "Release" }).click();
  await dialog.getByRole("button", { name: "Release 2 seats" }).click();
  const notice = page.getByTestId("hold-notice");
  await expect(notice).toHaveText("Released. Your 2 seats are back on sale.");
  await expect(notice).toBeFocused();
  await expect(banner).toHaveCount(0);
  for (const name of names)
    await expect(seatNamed(page, name)).toHaveAttribute("aria-label", /, available$/, { timeout: 15_000 });
});

test("checkout counts down from the server's expiry, and Pay becomes Pick seats again when the hold ends", async ({
  page,
}) => {
  await signedInFan(page);
  // This browser's clock is two minutes slow: the time left must still be the server's.
  await page.clock.install({ time: Date.now() - 120_000 });
  const eventUrl = await arenaShowUrl(page);
  await page.goto(eventUrl);
  await expect(page.getByTestId("seat-map")).toBeVisible();
  await pickSeats(page, "207", 1);
  await page.getByRole("button", { name: "Hold 1 seat" }).click();
  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
  const holdId = page.url().split("/").pop()!;
  const hold = await (await page.request.get(`/api/v1/holds/${holdId}`)).json();

  const time = page.getByTestId("countdown").locator("[aria-hidden=true]");
  await expect(time).toHaveText(/^\d+:\d\d$/);
  const [minutes, seconds] = (await time.innerText()).split(":").map(Number);
  // This machine is the server's, so its clock is the server's; a few seconds go on the page's own travel time.
  const expected = (Date.parse(hold.expiresAt) - Date.now()) / 1000;
  expect(Math.abs(minutes! * 60 + seconds! - expected)).toBeLessThanOrEqual(8);

  await page.clock.fastForward("11:00");
  await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
  await expect(page.getByTestId("hold-ended")).toContainText("Your hold has ended");
  await page.getByRole("link", { name: "Pick seats again" }).first().click();
  await expect(page).toHaveURL(new RegExp(`${eventUrl}$`));
});

test("releasing at checkout asks first, then says it was released", async ({ page }) => {
  await signedInFan(page);
  const eventUrl = await onSaleGeneralAdmissionEvent(page);
  await page.goto(eventUrl);
  await holdOneTicket(page);
  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);

  await page.getByRole("button", { name: "Release these tickets" }).click();
  const dialog = page.getByRole("dialog", { name: "Release 1 ticket?" });
  await dialog.getByRole("button", { name: "Keep them" }).click();
  await expect(page.getByRole("button", { name: /^Pay / })).toBeVisible();

  await page.getByRole("button", { name: "Release these tickets" }).click();
  await dialog.getByRole("button", { name: "Release 1 ticket" }).click();
  await expect(page.getByTestId("hold-ended")).toHaveText("Released. Your 1 ticket is back on sale.");
  await page.getByRole("link", { name: "Pick seats again" }).click();
  await expect(page).toHaveURL(new RegExp(`${eventUrl}$`));
});

test("a payment page that is paid or expired leads on to the order or back to the event", async ({ page }) => {
  await signedInFan(page);
  const eventUrl = await onSaleGeneralAdmissionEvent(page);
  const holdOne = async () => {
    await page.goto(eventUrl);
    await holdOneTicket(page);
    await page.getByRole("button", { name: /^Pay \$/ }).click();
    await expect(page.getByText(/TEST MODE/)).toBeVisible();
    return page.url();
  };

  const paidPage = await holdOne();
  await payInSimulator(page);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  const orderUrl = page.url().split("?")[0]!;
  await page.goto(paidPage);
  await expect(page.getByText("This order is already paid.")).toBeVisible();
  await page.getByRole("link", { name: "View your order" }).click();
  await expect(page).toHaveURL(new RegExp(`${new URL(orderUrl).pathname}$`));

  const abandonedPage = await holdOne();
  await page.getByRole("button", { name: "Cancel and go back" }).click();
  await expect(page).toHaveURL(/\/checkout\/[^/]+\?cancelled=1$/);
  await page.goto(abandonedPage);
  await expect(page.getByText("This payment page has expired, and nothing was charged.")).toBeVisible();
  await page.getByRole("link", { name: /^Back to / }).click();
  await expect(page).toHaveURL(new RegExp(`${eventUrl}$`));
});
