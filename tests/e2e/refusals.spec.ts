import type { Browser } from "@playwright/test";
import { withE2eDatabase } from "./database";
import { payInSimulator, signedInFan } from "./fan";
import { expect, signIn, test } from "./fixtures";

// The per-card limit and the refusal audit trail, as a fan and the event's organizer meet them: one card
// buys an event's limit, a second fan paying with the same card is refunded and told why, and the
// organizer finds the refusal on the event's "Refused attempts" page.

type SaleEvent = { id: string; slug: string; title: string; limit: number; org: string; owner: string };

/** A general-admission event on sale, without a waiting room, with room for this run's tickets, and its owner. */
async function gaEventOnSale(): Promise<SaleEvent> {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query<SaleEvent>(`
      SELECT e.id, e.slug, e.title, e."perOrderLimit" AS limit, o.slug AS org, u.email AS owner
      FROM events e
      JOIN organizations o ON o.id = e."organizationId"
      JOIN memberships m ON m."organizationId" = o.id AND m.role = 'OWNER'
      JOIN users u ON u.id = m."userId"
      WHERE e.status = 'PUBLISHED' AND NOT e."queueEnabled" AND e."onSaleAt" < now() AND e."startsAt" > now() + interval '1 day'
        AND NOT EXISTS (SELECT 1 FROM ticket_types t WHERE t."eventId" = e.id AND (t.kind <> 'GENERAL_ADMISSION' OR t.hidden
          OR t."salesStartAt" > now() OR t."salesEndAt" < now()))
        AND (SELECT min(t.capacity - t.sold - t.held) FROM ticket_types t WHERE t."eventId" = e.id) > 3 * e."perOrderLimit"
      ORDER BY e."perOrderLimit", e.id
      LIMIT 1`);
    if (!rows[0]) throw new Error("the demo catalogue has no general-admission event on sale");
    return rows[0];
  });
}

/** A fan of their own, in a browser context of their own, buying `quantity` tickets with `card`. */
async function buyAsNewFan(browser: Browser, event: SaleEvent, quantity: number, card: string) {
  const page = await (await browser.newContext()).newPage();
  const { email } = await signedInFan(page);
  await page.goto(`/events/${event.slug}`);
  const stepper = page.getByRole("group", { name: /tickets$/ }).first();
  for (let i = 0; i < quantity; i++) await stepper.getByRole("button", { name: "One more" }).click();
  await page.getByRole("button", { name: `Hold ${quantity} ticket${quantity === 1 ? "" : "s"}` }).click();
  await expect(page).toHaveURL(/\/checkout\//);
  await page.getByRole("button", { name: /^Pay \$/ }).click();
  await payInSimulator(page, card);
  await expect(page.getByTestId("order-status")).toBeVisible();
  return { page, email };
}

test("a card over an event's limit is refunded, and the organizer sees the refusal @mobile", async ({
  browser,
  page,
}) => {
  test.slow();
  const event = await gaEventOnSale();
  // A card of this run's own, so earlier runs' purchases do not count against it.
  const card = `4000 0566 ${String(Math.floor(Math.random() * 1e8))
    .padStart(8, "0")
    .replace(/(\d{4})(\d{4})/, "$1 $2")}`;

  const first = await buyAsNewFan(browser, event, event.limit, card);
  await expect(first.page.getByTestId("order-status")).toHaveText("Paid");

  const second = await buyAsNewFan(browser, event, 1, card);
  // "Refund pending" until the worker has paid it back, then "Refunded".
  await expect(second.page.getByTestId("order-status")).toHaveText(/^Refund/);
  await expect(
    second.page
      .getByText(
        `This card has already bought the maximum for this event (${event.limit} tickets per card), so we refunded this payment.`,
      )
      .first(),
  ).toBeVisible();

  const path = `/organizer/${event.org}/events/${event.id}/refusals`;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await signIn(page, event.owner);
  await expect(page.getByRole("heading", { level: 1, name: `Refused attempts · ${event.title}` })).toBeVisible();
  // Counts are written every couple of seconds: the page shows them on a reload soon after.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("refusals-by-reason").getByRole("row", { name: /Card over the limit/ })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(
    page.getByTestId("refusal-rows").getByText("Card over the limit (payment refunded)").first(),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Accounts refused most" })).toContainText(second.email);
});
