import { expect, signIn, test } from "./fixtures";

// The dashboard as the demo's staff see it (prisma/demo/catalog.ts, staffAccounts).

test("check-in staff open their organization's overview read-only, each event linking to its door, on a phone @mobile", async ({
  page,
}) => {
  await page.goto("/signin?callbackUrl=/organizer");
  await signIn(page, "door@northstar.test");
  await expect(page).toHaveURL(/\/organizer\/northstar-live$/);
  await expect(page.getByRole("heading", { level: 1, name: "Northstar Live" })).toBeVisible();
  await expect(page.getByTestId("overview-summary")).toContainText("tickets sold");
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link")).toHaveText(["Overview"]);
  await expect(page.getByRole("link", { name: "New event" })).toHaveCount(0);
  await expect(page.getByText("Draft", { exact: true })).toHaveCount(0);
  const links = await page
    .getByRole("main")
    .getByRole("link")
    .evaluateAll((all) => all.map((a) => a.getAttribute("href")));
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) expect(href).toMatch(/^\/organizer\/northstar-live\/events\/[^/]+\/check-in$/);

  await page.goto("/organizer/northstar-live/events");
  await expect(page).toHaveURL(/\/forbidden$/);
});

test("a manager of two organizations switches between them", async ({ page }) => {
  await page.goto("/signin?callbackUrl=/organizer/northstar-live");
  await signIn(page, "manager@northstar.test");
  await expect(page.getByRole("heading", { level: 1, name: "Northstar Live" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link")).toHaveText([
    "Overview",
    "Events",
    "Orders",
    "Venues",
    "Reports",
    "API tokens",
    "Staff",
  ]);
  await page.getByTestId("organization-switcher").selectOption({ label: "Footlights Theatre & Comedy" });
  await expect(page).toHaveURL(/\/organizer\/footlights$/);
  await expect(page.getByRole("heading", { level: 1, name: "Footlights Theatre & Comedy" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New event" })).toBeVisible();
});
