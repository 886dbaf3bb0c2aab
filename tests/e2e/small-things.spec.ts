import { devices } from "@playwright/test";
import { onSaleGeneralAdmissionEvent, payInSimulator, signedInFan } from "./fan";
import { expect, test } from "./fixtures";

const { defaultBrowserType: _browser, ...pixel7 } = devices["Pixel 7"];

// Issue 12, items 8 and 9: the small things a fan notices.

test("the 404 page says what was not found, inside one <main>", async ({ page }) => {
  const response = await page.goto("/events/no-such-show-anywhere");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that event");
  await expect(page.getByText("/events/no-such-show-anywhere")).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);

  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
  await expect(page.locator("main")).toHaveCount(1);
});

test("the footer's Status opens a page for people; the JSON stays at /api/health", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Status" }).click();
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.getByRole("heading", { name: "Service status" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Database Working/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Background worker/ })).toBeVisible();
});

test("a favicon and a touch icon", async ({ page }) => {
  await page.goto("/");
  const icon = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  const touch = await page.locator('head link[rel="apple-touch-icon"]').first().getAttribute("href");
  expect((await page.request.get(icon!)).headers()["content-type"]).toContain("image/svg+xml");
  expect((await page.request.get(touch!)).headers()["content-type"]).toContain("image/png");
});

test("generated event copy is grammatical", async ({ page }) => {
  const list = await (await page.request.get("/api/v1/events?q=Luna%20Marquez&pageSize=1")).json();
  await page.goto(`/events/${(list.items as { slug: string }[])[0]!.slug}`);
  await expect(page.getByText(/Luna Marquez comes to /)).toBeVisible();
});

test("a GA quantity typed over the limit says the limit instead of silently changing it @mobile", async ({ page }) => {
  await page.goto(await onSaleGeneralAdmissionEvent(page));
  const stepper = page.getByRole("group", { name: /tickets$/ }).first();
  const field = stepper.getByRole("spinbutton");
  const max = Number(await field.getAttribute("max"));
  await field.fill("50");
  await expect(field).toHaveValue(String(max));
  const note = page.getByRole("status").filter({ hasText: `Max ${max}` });
  await expect(note).toBeVisible();
  await expect(field).toHaveAttribute("aria-describedby", (await note.getAttribute("id"))!);
  await stepper.getByRole("button", { name: "One fewer" }).click();
  await expect(note).toBeHidden();
  await expect(page.getByRole("button", { name: `Hold ${max - 1} tickets` })).toBeVisible();
});

test("event cards carry the year when it is not this year, and the show time is never cut off @mobile", async ({
  page,
}) => {
  // Filtered by the venues' own calendars: shows from next New Year on carry the year, this year's do not.
  const year = new Date().getFullYear();
  await page.goto(`/search?from=${year + 1}-01-01&sort=date&pageSize=100`);
  await expect(page.getByTestId("result-count")).toBeVisible();
  const nextYearCards = await page.getByTestId("event-grid").getByRole("listitem").count();
  // The demo catalogue runs six months ahead, so from July on some shows are next year's.
  if (new Date().getMonth() >= 6) expect(nextYearCards).toBeGreaterThan(0);
  await expect(page.getByTestId("card-year")).toHaveText(Array(nextYearCards).fill(String(year + 1)));

  await page.goto(`/search?to=${year}-12-31&sort=date&pageSize=100`);
  await expect(page.getByTestId("result-count")).toBeVisible();
  await expect(page.getByTestId("card-year")).toHaveCount(0);

  // The show time on a line of its own, whole, however long the venue's name.
  await page.goto("/search?sort=date&pageSize=100");
  const times = await page
    .getByTestId("card-time")
    .evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent, whole: el.scrollWidth <= el.clientWidth && el.clientWidth > 0 })),
    );
  expect(times.length).toBeGreaterThan(10);
  for (const time of times) expect(time).toEqual({ text: expect.stringMatching(/^\d{1,2}:\d\d [AP]M$/), whole: true });
});

test("suggestions of one title are told apart by city or date", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: /search events/i }).fill("velvet comets world tour");
  // The two arena shows at least; the demo catalogue may tour the band elsewhere too.
  const tour = page.getByRole("option").filter({ hasText: "The Velvet Comets: World Tour" });
  await expect(tour.nth(1)).toBeVisible();
  const count = await tour.count();
  const details = await tour.getByTestId("suggestion-detail").allInnerTexts();
  expect(details).toHaveLength(count);
  expect(new Set(details).size).toBe(count);
});

test("the focus ring is thick and shows on the dark header as on the page", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  // The first stop may be a skip link; tab until the header's home link has focus.
  const home = page.getByRole("banner").getByRole("link", { name: /^Marquee/ });
  for (let i = 0; i < 5 && !(await home.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  const ring = await home.evaluate((el) => {
    const style = getComputedStyle(el);
    return { outline: style.outlineWidth, shadow: style.boxShadow };
  });
  expect(ring.outline).toBe("3px");
  // A white band between the element and the outline: visible on the dark header.
  expect(ring.shadow).toContain("rgb(255, 255, 255)");

  // Every stop of the keyboard's way through the search page (header, sort, filters, cards) shows the ring.
  await page.goto("/search?q=tour");
  const stops: { name: string; outline: string; style: string }[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          name: `${el.tagName} ${el.getAttribute("name") ?? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}`,
          outline: style.outlineWidth,
          style: style.outlineStyle,
        };
      }),
    );
  }
  expect(stops.filter((s) => s.name.startsWith("BODY"))).toEqual([]);
  expect(stops.filter((s) => s.outline !== "3px" || s.style !== "solid")).toEqual([]);
});

test("the order page shows the order number and where the confirmation went; My tickets shows one card per event", async ({
  page,
}) => {
  const { email } = await signedInFan(page);
  const eventUrl = await onSaleGeneralAdmissionEvent(page);
  for (const quantity of [1, 2]) {
    await page.goto(eventUrl);
    const stepper = page.getByRole("group", { name: /tickets$/ }).first();
    for (let i = 0; i < quantity; i++) await stepper.getByRole("button", { name: "One more" }).click();
    await page.getByRole("button", { name: /^Hold \d tickets?$/ }).click();
    await page.getByRole("button", { name: /^Pay \$/ }).click();
    await payInSimulator(page);
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    await expect(page.getByText(/^Order #\d{4,}$/)).toBeVisible();
    await expect(page.getByTestId("confirmation-email")).toHaveText(`Confirmation sent to ${email}.`);
  }
  await page.getByRole("link", { name: "All my tickets" }).click();
  const cards = page.getByTestId("event-tickets");
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText("3 tickets in 2 orders");
  await expect(cards.getByRole("link", { name: /^Order #\d+$/ })).toHaveCount(2);
});

test.describe("on a phone", () => {
  test.use(pixel7);

  test("the search filters wait behind a Filters button", async ({ page }) => {
    await page.goto("/search?q=tour&category=concert");
    const toggle = page.getByRole("button", { name: /^Filters/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(toggle).toContainText("(1 on)");
    const filters = page.getByTestId("filters");
    await expect(filters).toBeHidden();
    await expect(page.getByTestId("event-grid")).toBeInViewport();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(filters.getByRole("link", { name: /^Concert \d+/ })).toBeVisible();
    await toggle.click();
    await expect(filters).toBeHidden();
  });
});

test("on a desktop the search filters are always shown, with no Filters button", async ({ page }) => {
  test.skip((page.viewportSize()?.width ?? 0) < 640, "desktop layout");
  await page.goto("/search?q=tour");
  await expect(page.getByTestId("filters")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Filters/ })).toBeHidden();
});
