import { payInSimulator, signedInFan } from "./fan";
import { expect, signIn, test } from "./fixtures";
import { doorPhoneAt, northstarEventOnSale, typeCode } from "./door";
import { ORG } from "./organizer";

// A fan buys two tickets; a manager of the organization finds the order by the fan's e-mail and
// refunds one of the two tickets; the fan's order page shows the partial refund and the void ticket;
// at the door, the other ticket scans VALID, then ALREADY CHECKED IN, and the refunded one VOID.

test("a manager finds a fan's order by e-mail, refunds one of two tickets, and the fan sees the partial refund", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signedInFan(page);
  const email = (await (await page.request.get("/api/v1/me")).json()).user.email as string;
  const event = await northstarEventOnSale(page);
  await page.goto(`/events/${event.slug}`);
  const stepper = page.getByRole("group", { name: /tickets$/ }).first();
  await stepper.getByRole("button", { name: "One more" }).click();
  await stepper.getByRole("button", { name: "One more" }).click();
  await page.getByRole("button", { name: "Hold 2 tickets" }).click();
  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
  await page.getByRole("button", { name: /^Pay / }).click();
  await payInSimulator(page);
  await expect(page).toHaveURL(/\/orders\//);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("tickets").getByRole("listitem")).toHaveCount(2);
  const fanOrderUrl = page.url();

  // The manager, on a phone.
  const manager = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await manager.goto(`/signin?callbackUrl=${encodeURIComponent(`/organizer/${ORG}/orders`)}`);
  await signIn(manager, "manager@northstar.test");
  await expect(manager.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await manager.getByRole("searchbox", { name: "Search" }).fill(email);
  await manager.getByRole("button", { name: "Find orders" }).click();
  const rows = manager.getByTestId("order-list").getByRole("listitem");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link").click();
  await expect(manager.getByTestId("order-email")).toHaveText(email);

  const form = manager.getByTestId("refund-form");
  await form.getByRole("checkbox").first().check();
  await form.getByLabel("Reason (the buyer sees it)").fill("Can only make it alone");
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(form.getByRole("status")).toContainText(/Refund of \$[\d.,]+ made/);
  await expect(manager.getByTestId("organizer-refunds").getByRole("listitem")).toHaveCount(1);
  await expect(manager.getByTestId("organizer-tickets")).toContainText("Void");
  await expect(manager.getByTestId("order-timeline")).toContainText("Refund requested by Max Manager");

  // The fan's page: partly refunded, the refund with its amount and reason, one ticket void.
  await page.goto(fanOrderUrl);
  const refunds = page.getByTestId("refunds").getByRole("listitem");
  await expect(refunds).toHaveCount(1);
  await expect(refunds.first()).toContainText("Can only make it alone");
  await expect(refunds.first()).toContainText(/Void: MQ-/);
  await expect(page.getByTestId("tickets").getByText("Voided")).toHaveCount(1);

  const tickets = page.getByTestId("tickets").getByRole("listitem");
  const voided = (await tickets.filter({ hasText: "Voided" }).getByTestId("ticket-code").innerText()).trim();
  const valid = (await tickets.filter({ hasNotText: "Voided" }).getByTestId("ticket-code").innerText()).trim();

  // The door, on a phone: the ticket kept gets in once; the refunded one is void.
  const door = await doorPhoneAt(browser, event.id);
  const result = door.page.getByTestId("scan-result");
  await typeCode(door.page, valid);
  await expect(result).toHaveAttribute("data-result", "VALID");
  await typeCode(door.page, valid);
  await expect(result).toHaveAttribute("data-result", "ALREADY_CHECKED_IN");
  await typeCode(door.page, voided);
  await expect(result).toHaveAttribute("data-result", "VOID");
  await door.context.close();
});
