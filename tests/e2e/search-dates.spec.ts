import type { APIRequestContext } from "@playwright/test";
import { formatOnSaleDate } from "@/lib/format";
import { expect, test } from "./fixtures";

type Hit = { slug: string; title: string; onSaleAt: string; venue: { timeZone: string } };

/** A published, upcoming demo event whose tickets are not on sale yet (the seed makes a few). */
async function eventNotYetOnSale(request: APIRequestContext): Promise<Hit> {
  for (let page = 1; page <= 10; page++) {
    const response = await request.get(`/api/v1/events?sort=date&pageSize=100&page=${page}`);
    expect(response.ok()).toBe(true);
    const { items } = (await response.json()) as { items: Hit[] };
    const found = items.find((item) => new Date(item.onSaleAt) > new Date(Date.now() + 60_000));
    if (found) return found;
    if (items.length < 100) break;
  }
  throw new Error("the demo catalogue has no event that is not on sale yet");
}

test("a misspelled artist and Enter shows their events, says so, and keeps the query in the box @mobile", async ({
  page,
}) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: /search events/i });
  await box.fill("luna marqz");
  // The suggestions and the search agree.
  await expect(
    page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").filter({ hasText: "Luna Marquez" }).first(),
  ).toBeVisible();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=luna\+marqz/);
  await expect(page.getByTestId("showing-results-for")).toContainText("Showing results for luna marquez");
  await expect(page.getByTestId("event-grid").getByRole("listitem").first()).toContainText("Luna Marquez");
  await expect(box).toHaveValue("luna marqz");

  // "Search instead for" the words as typed: nothing, and the correction offered.
  await page.getByTestId("showing-results-for").getByRole("link", { name: "luna marqz" }).click();
  await expect(page).toHaveURL(/exact=1/);
  await expect(page.getByTestId("result-count")).toHaveText("0 events");
  await page.getByTestId("did-you-mean").getByRole("link", { name: "luna marquez" }).click();
  await expect(page.getByTestId("event-grid").getByRole("listitem").first()).toContainText("Luna Marquez");
  await expect(box).toHaveValue("luna marquez");
});

test("a category word lists as many events as the category filter", async ({ page }) => {
  await page.goto("/search?category=comedy");
  const byFilter = await page.getByTestId("result-count").innerText();
  expect(byFilter).toMatch(/^[1-9]\d* events?$/);
  await page.getByRole("combobox", { name: /search events/i }).fill("comedy");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=comedy/);
  await expect(page.getByTestId("result-count")).toHaveText(byFilter);
  await expect(page.getByRole("combobox", { name: /search events/i })).toHaveValue("comedy");
});

test("an event not yet on sale shows when it goes on sale, in the venue's zone, on its page and its card @mobile", async ({
  page,
  request,
}) => {
  const event = await eventNotYetOnSale(request);
  const onSaleAt = new Date(event.onSaleAt);
  const expected = `On sale ${formatOnSaleDate(onSaleAt, event.venue.timeZone)}`;
  expect(expected).toMatch(
    /^On sale (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}(, \d{4})? at \d{1,2}:\d{2} [AP]M \S+$/,
  );

  await page.goto(`/events/${event.slug}`);
  await expect(page.getByTestId("on-sale-date")).toHaveText(expected);
  // A countdown only in the last day, never "101246:15".
  const withinADay = onSaleAt.getTime() - Date.now() < 24 * 3_600_000;
  await expect(page.getByTestId("on-sale-notice").getByTestId("countdown")).toHaveCount(withinADay ? 1 : 0);
  await expect(page.getByTestId("on-sale-notice")).not.toContainText(/\d{3,}:\d{2}/);

  await page.goto(`/search?q=${encodeURIComponent(event.title)}&pageSize=100`);
  const card = page
    .getByTestId("event-grid")
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href="/events/${event.slug}"]`) });
  await expect(card.getByTestId("card-on-sale")).toHaveText(expected);
  await expect(card).not.toContainText(/From \$/);
});
