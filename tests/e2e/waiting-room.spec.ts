import { randomUUID } from "node:crypto";
import { withE2eDatabase } from "./database";
import type { Page } from "@playwright/test";
import { buyTwoGeneralAdmission, signedInFan } from "./fan";
import { expect, test } from "./fixtures";
import { ORG, signInAsOrganizer } from "./organizer";

/**
 * A general-admission show of its own (4 tickets, 2 a fan) with the waiting room on, going on sale
 * `opensInMs` from now, at one admission a second (the organizer's rate) so fans go in one at a time.
 */
async function queuedShow(opensInMs: number): Promise<string> {
  return (await queuedShowWithId(opensInMs)).slug;
}

/** As queuedShow, of the demo organizer's organization, with the new event's id. */
async function queuedShowWithId(opensInMs: number): Promise<{ slug: string; id: string }> {
  const slug = `queue-night-${randomUUID().slice(0, 8)}`;
  const id = `evt-${randomUUID()}`;
  await withE2eDatabase(async (client) => {
    const inserted = await client.query(
      `INSERT INTO events (id, "organizationId", "venueId", slug, title, description, performers, category, tags,
         status, "startsAt", "endsAt", "onSaleAt", "perOrderLimit", "holdMinutes", "queueEnabled", "updatedAt")
       SELECT $1, "organizationId", "venueId", $2, 'Queue Night ' || $3, description, performers, category, tags,
         'PUBLISHED', now() + interval '30 days', now() + interval '30 days 3 hours',
         now() + make_interval(secs => $4::float8 / 1000), 2, 10, true, now()
       FROM events WHERE status = 'PUBLISHED'
         AND "organizationId" = (SELECT id FROM organizations WHERE slug = $5) ORDER BY "createdAt" LIMIT 1`,
      [id, slug, slug.slice(-8), opensInMs, ORG],
    );
    expect(inserted.rowCount).toBe(1);
    await client.query(
      `INSERT INTO ticket_types (id, "eventId", name, kind, "priceMinor", "feeMinor", currency, capacity, "updatedAt")
       VALUES ($1, $2, 'Standing', 'GENERAL_ADMISSION', 3000, 300, 'USD', 4, now())`,
      [`tt-${randomUUID()}`, id],
    );
    await client.query(`INSERT INTO queue_controls ("eventId", "ratePerMinute", "updatedAt") VALUES ($1, 60, now())`, [
      id,
    ]);
  });
  return { slug, id };
}

/** A queued show on sale since a minute ago whose organizer paused admission: fans stay in line. */
async function pausedQueuedShow(): Promise<string> {
  const slug = await queuedShow(-60_000);
  await withE2eDatabase((client) =>
    client.query(`UPDATE queue_controls SET paused = true WHERE "eventId" = (SELECT id FROM events WHERE slug = $1)`, [
      slug,
    ]),
  );
  return slug;
}

/** A signed-in fan whose address is confirmed, as a waiting room requires (the link itself: account-settings.spec.ts). */
async function confirmedFan(page: Page) {
  const { email } = await signedInFan(page);
  await withE2eDatabase((client) =>
    client.query(`UPDATE users SET "emailVerifiedAt" = now() WHERE email = $1`, [email]),
  );
}

test("two fans wait in the lobby, go in one at a time when the sale opens and buy; a third is told it sold out @mobile", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const slug = await queuedShow(30_000);
  const queueUrl = `/events/${slug}/queue`;
  const fans = await Promise.all([browser.newPage(), browser.newPage()]);
  for (const page of fans) {
    await confirmedFan(page);
    await page.goto(queueUrl);
    await expect(page.getByRole("heading", { name: "You're in the lobby" })).toBeVisible();
  }
  // A reload keeps the fan in the lobby (the place is drawn when the sale opens, not per visit).
  await fans[0]!.reload();
  await expect(fans[0]!.getByRole("heading", { name: "You're in the lobby" })).toBeVisible();

  // The sale opens; each fan's page takes them to the event when their turn comes.
  for (const page of fans) await expect(page).toHaveURL(new RegExp(`/events/${slug}$`), { timeout: 60_000 });
  for (const page of fans) await buyTwoGeneralAdmission(page);

  const late = await browser.newPage();
  await confirmedFan(late);
  await late.goto(queueUrl);
  await expect(late.getByRole("heading", { name: "Sold out" })).toBeVisible();
  await expect(late.getByText("This event has sold out.")).toBeAttached();
  for (const page of [...fans, late]) await page.close();
});

test("a hold on a queued event's page sends the fan to the waiting room first", async ({ page }) => {
  const slug = await pausedQueuedShow();
  await confirmedFan(page);
  await page.goto(`/events/${slug}`);
  const stepper = page.getByRole("group", { name: /tickets$/ }).first();
  await stepper.getByRole("button", { name: "One more" }).click();
  await page.getByRole("button", { name: "Hold 1 ticket" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${slug}/queue$`));
  await expect(page.getByRole("heading", { name: "You're in line" })).toBeVisible();
  await expect(page.getByTestId("queue-position")).toHaveText("1");
  await expect(page.getByTestId("queue-eta")).toHaveText("Paused by the organizer");
});

test("the organizer watches the waiting room and pauses and re-paces it", async ({ page }) => {
  const show = await queuedShowWithId(-60_000);
  await signInAsOrganizer(page, `/events/${show.id}`);
  const room = page.getByRole("region", { name: "Waiting room" });
  await expect(room.getByTestId("queue-state")).toHaveText("Admitting");
  await expect(room.getByText("60 fans a minute (your rate)")).toBeVisible();
  await expect(room.getByTestId("queue-waiting")).toHaveText("0");
  await room.getByRole("button", { name: "Pause admission" }).click();
  await expect(room.getByRole("status")).toHaveText("Admission paused.");
  await expect(room.getByTestId("queue-state")).toHaveText("Paused");
  await room.getByLabel("Fans admitted a minute (empty: automatic)").fill("");
  await room.getByRole("button", { name: "Save rate" }).click();
  await expect(room.getByRole("status")).toHaveText("Automatic rate restored.");
  await expect(room.getByText(/automatic rate \(up to [\d,]+ a minute\)/)).toBeVisible();
  await room.getByRole("button", { name: "Resume admission" }).click();
  await expect(room.getByTestId("queue-state")).toHaveText("Admitting");
  expect(page.url()).toContain(`/organizer/${ORG}/events/${show.id}`);
});

test("a fan whose address is not confirmed is told so at the door of the waiting room, with the way to fix it", async ({
  page,
}) => {
  const slug = await queuedShow(-60_000);
  await signedInFan(page);
  await page.goto(`/events/${slug}/queue`);
  const refusal = page.getByTestId("queue-room").getByRole("alert");
  await expect(refusal).toContainText("Confirm your e-mail address first");
  await refusal.getByRole("link", { name: "Confirm your e-mail address" }).click();
  await expect(page.getByRole("region", { name: "E-mail address" })).toContainText("is not confirmed yet");
});

test("a fan's tabs share one live connection to the waiting room, handed on when that tab closes", async ({ page }) => {
  const slug = await pausedQueuedShow();
  await confirmedFan(page);
  const streams: string[] = [];
  page.context().on("request", (request) => {
    if (request.url().endsWith("/queue/stream")) streams.push(request.url());
  });
  await page.goto(`/events/${slug}/queue`);
  await expect(page.getByTestId("queue-position")).toHaveText("1");
  await expect.poll(() => streams.length).toBe(1);

  const second = await page.context().newPage();
  await second.goto(`/events/${slug}/queue`);
  await expect(second.getByTestId("queue-position")).toHaveText("1"); // the same place, not a second one
  // The second tab follows the first one's stream rather than opening its own.
  await second.waitForTimeout(2_000);
  expect(streams).toHaveLength(1);

  await page.close();
  await expect.poll(() => streams.length).toBe(2);
  await expect(second.getByTestId("queue-position")).toHaveText("1");
  await second.close();
});
