import type { Browser, Page } from "@playwright/test";
import { holdOneTicket, payInSimulator, signedInFan } from "./fan";
import { doorPhoneAt, northstarEventOnSale, typeCode } from "./door";
import { expect, test } from "./fixtures";

// The door on the night: a fan buys a ticket, the demo's check-in staff (door@northstar.test, CHECK_IN at
// Northstar Live) open the event's check-in page on a phone and type the ticket's code.

// Each test is a purchase and then a night at the door: two sign-ins and a checkout.
test.slow();

/** A new fan buys one ticket; its code, as the QR code on the order page carries it, and its event. */
async function fanBuysATicket(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signedInFan(page);
  const event = await northstarEventOnSale(page);
  await page.goto(`/events/${event.slug}`);
  await holdOneTicket(page);
  await page.getByRole("button", { name: /^Pay \$/ }).click();
  await payInSimulator(page);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  const qr = page.getByRole("img", { name: /QR code for ticket MQ-/ });
  const code = (await qr.getAttribute("aria-label"))!.replace("QR code for ticket ", "");
  await context.close();
  return { code, eventId: event.id };
}

/** The arrivals counter's first number ("12 / 340"). */
async function arrived(page: Page): Promise<number> {
  return Number((await page.getByTestId("arrivals").innerText()).split(" / ")[0]!.replace(/,/g, ""));
}

test("check-in staff on a phone type a ticket's code: VALID, then ALREADY CHECKED IN", async ({ browser }) => {
  const { code, eventId } = await fanBuysATicket(browser);
  const { context, page } = await doorPhoneAt(browser, eventId);
  const result = page.getByTestId("scan-result");
  const before = await arrived(page);

  await typeCode(page, code);
  await expect(result).toHaveAttribute("data-result", "VALID");
  await expect(result).toContainText("Valid");
  await expect(result).toContainText(code);
  await expect(page.getByRole("status").filter({ hasText: /^Valid\./ })).toHaveCount(1);
  // Other specs may check people in at the same event meanwhile: at least this one more.
  await expect.poll(() => arrived(page)).toBeGreaterThan(before);

  await typeCode(page, code.toLowerCase());
  await expect(result).toHaveAttribute("data-result", "ALREADY_CHECKED_IN");
  await expect(result).toContainText("Already checked in");
  await expect(result).toContainText("by Dora Door");
  await expect(result).toContainText(/on Door [0-9A-Z]{4}/);

  await typeCode(page, "MQ-0000-0000-0000-0000");
  await expect(result).toHaveAttribute("data-result", "NOT_FOUND");
  await context.close();
});

test("check-in staff undo a mistaken check-in and the ticket scans VALID again", async ({ browser }) => {
  const { code, eventId } = await fanBuysATicket(browser);
  const { context, page } = await doorPhoneAt(browser, eventId);
  const result = page.getByTestId("scan-result");

  await typeCode(page, code);
  await expect(result).toHaveAttribute("data-result", "VALID");
  await page.getByRole("button", { name: "Undo this check-in" }).click();
  await expect(result).toHaveAttribute("data-result", "UNDONE");
  await typeCode(page, code);
  await expect(result).toHaveAttribute("data-result", "VALID");
  await context.close();
});

test("a scan made offline waits on the phone and syncs when the network is back", async ({ browser }) => {
  const { code, eventId } = await fanBuysATicket(browser);
  const { context, page } = await doorPhoneAt(browser, eventId);
  const result = page.getByTestId("scan-result");
  const before = await arrived(page);

  await context.setOffline(true);
  await expect(page.getByText("Offline: scans are kept on this device")).toBeVisible();
  await typeCode(page, code);
  await expect(result).toHaveAttribute("data-result", "QUEUED");
  await expect(page.getByTestId("pending-count")).toHaveText("1 waiting to sync");
  expect(await page.evaluate((id) => localStorage.getItem(`marquee:check-in-queue:${id}`), eventId)).toContain(code);

  await context.setOffline(false);
  await expect(page.getByTestId("pending-count")).toHaveText("All scans synced");
  await expect(page.getByTestId("synced-scan")).toContainText(`${code}Synced: Valid`);
  // Other specs may check people in at the same event meanwhile: at least this one more.
  await expect.poll(() => arrived(page)).toBeGreaterThan(before);

  // The server has it: the same ticket typed again is already in.
  await typeCode(page, code);
  await expect(result).toHaveAttribute("data-result", "ALREADY_CHECKED_IN");
  await context.close();
});
