import { randomUUID } from "node:crypto";
import { demo, expect, signIn, test } from "./fixtures";

const ORG = "northstar-live";

test("stale experiment @mobile", async ({ page }) => {
  test.setTimeout(600_000);
  const title = `Rooftop Sessions ${randomUUID().slice(0, 6)}`;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/organizer/${ORG}/events/new`)}`);
  await signIn(page, demo.organizer);
  await page.getByLabel("Venue", { exact: true }).selectOption({ label: "The Lantern Room, New York" });
  await page.getByLabel("Seating").selectOption({ label: "General admission only (no seat map)" });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Performers").fill("The Night Owls");
  await page.getByLabel("Description").fill("An evening on the roof.");
  await page.getByLabel("Starts").fill("2031-06-20T20:00");
  await page.getByLabel("Ends").fill("2031-06-20T23:00");
  await page.getByLabel("Price").fill("25");
  await page.getByLabel("Capacity").fill("120");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Draft created.")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/^Published:/)).toBeVisible();
  const editorUrl = page.url();
  await page.getByRole("link", { name: "View the public page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const publicUrl = page.url();
  const log: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.goto(editorUrl);
    const want = `${title} v${i}`;
    await page.getByLabel("Title").fill(want);
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText("Details saved.")).toBeVisible();
    const t0 = Date.now();
    const html = await (await page.request.get(publicUrl)).text();
    const serverFresh = html.includes(want);
    const t1 = Date.now();
    await page.getByRole("link", { name: "View the public page" }).click();
    const h1 = await page.getByRole("heading", { level: 1 }).textContent();
    const html2 = await (await page.request.get(publicUrl)).text();
    log.push(`#${i} server-first=${serverFresh} (${t1 - t0}ms) click=${h1 === want} server-after=${html2.includes(want)} h1=${h1}`);
    await page.waitForTimeout(500);
  }
  console.log(log.join("\n"));
});
