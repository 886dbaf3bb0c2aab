import { randomUUID } from "node:crypto";
import { demo, expect, signIn, test } from "./fixtures";

const ORG = "northstar-live";

test("an organizer creates a draft, prices it, publishes it and sees the edit on the public page @mobile", async ({
  page,
}) => {
  const title = `Rooftop Sessions ${randomUUID().slice(0, 6)}`;
  test.setTimeout(120_000); // a long journey on a shared two-core machine
  // Straight to sign-in, then on to the new-event page it was asked to return to.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/organizer/${ORG}/events/new`)}`);
  await signIn(page, demo.organizer);
  await expect(page.getByRole("heading", { name: "New event" })).toBeVisible();

  // Not the first venue: a refused submit must not put the choice back on the first option.
  await page.getByLabel("Venue", { exact: true }).selectOption({ label: "The Lantern Room, New York" });
  await page.getByLabel("Seating").selectOption({ label: "General admission only (no seat map)" });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Performers").fill("The Night Owls");
  await page.getByLabel("Description").fill("An evening on the roof.\n\n- **Doors** at 7\n- <script>alert(1)</script>");
  await page.getByLabel("Starts").fill("2031-06-20T20:00");
  await page.getByLabel("Ends").fill("2031-06-20T19:00"); // before the start: refused in place
  await page.getByLabel("Price").fill("25");
  await page.getByLabel("Capacity").fill("120");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("must be after the start")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title); // what was typed is kept
  await expect(page.getByLabel("Venue", { exact: true })).toHaveValue(/.+/);
  expect(await page.getByLabel("Venue", { exact: true }).locator("option:checked").textContent()).toBe(
    "The Lantern Room, New York",
  );
  await expect(page.getByLabel("Capacity")).toHaveValue("120");

  await page.getByLabel("Ends").fill("2031-06-20T23:00");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Draft created.")).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText(/· The Lantern Room, New York/)).toBeVisible();
  await expect(page.getByTestId("ticket-type")).toHaveCount(1);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/^Published:/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();
  const editorUrl = page.url();
  await page.getByRole("link", { name: "View the public page" }).click(); // the page is now cached
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // An edit shows on the public page: the change expires its cached copy. (A show in 2031 is on the
  // last page of the events list, 50 a page: back to its editor directly.)
  await page.goto(editorUrl);
  await page.getByLabel("Title").fill(`${title} Live`);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Details saved.")).toBeVisible();
  const editor = page.url();
  // A client-side navigation, as an organizer's click is: its RSC request repeats the one made on the first
  // view, so a browser allowed to answer it from its HTTP cache would show the old title.
  await page.getByRole("link", { name: "View the public page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title} Live` })).toBeVisible();
  await expect(page.getByText("Doors", { exact: true })).toBeVisible(); // Markdown rendered…
  await expect(page.locator('article script:not([type="application/ld+json"])')).toHaveCount(0); // …and raw HTML dropped
  await expect(page.getByText("8:00 PM", { exact: false })).toBeVisible(); // the venue's wall clock

  // The cancellation slot: a confirmation, then the refunds' progress.
  await page.goto(editor);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByLabel("Message to ticket holders (optional)").fill("The roof is being repaired.");
  await page.getByRole("button", { name: "Cancel event" }).click();
  await expect(page.getByTestId("cancellation-progress")).toContainText("No paid orders");
  await expect(page.getByRole("button", { name: "Save details" })).toBeDisabled();
});

test("another organization's event pages are not found", async ({ page }) => {
  await page.goto(`/organizer/bigtop-sports/events`);
  await signIn(page, demo.organizer);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});
