import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

/** Every CSP violation the pages report (events and console messages), across navigations. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("pages carry a nonce-based CSP, break none of its rules, and still hydrate", async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto("/");
  const csp = response!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");

  // Suggestions are fetched by client-side code: they only appear if the page's scripts ran.
  await page.getByRole("combobox", { name: /search events/i }).fill("velvt comets");
  await expect(
    page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").filter({ hasText: "Velvet Comets" }).first(),
  ).toBeVisible();

  // The arena page: the seat map (inline style attributes) and its live polling.
  await page.getByRole("combobox", { name: /search events/i }).fill("Velvet Comets Hudson Arena");
  await page.getByRole("button", { name: "Search" }).click();
  await page
    .getByRole("link", { name: /The Velvet Comets: World Tour/ })
    .first()
    .click();
  await expect(page.getByTestId("seat-map")).toBeVisible();

  expect(violations).toEqual([]);
});

test("a signed-in fan holds and pays from the browser; the same write from another origin is refused", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  const email = `csp-${randomUUID()}@example.test`;
  expect(
    (await page.request.post("/api/v1/users", { data: { email, password: "a-long-password", name: "CSP" } })).status(),
  ).toBe(201);
  await page.goto("/signin");
  await signIn(page, email, "a-long-password");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  const list = await (
    await page.request.get("/api/v1/events?category=comedy&available=1&sort=date&pageSize=20")
  ).json();
  let event: { id: string; slug: string; ticketTypes: { id: string }[] } | undefined;
  for (const item of list.items as { slug: string }[]) {
    const details = await (await page.request.get(`/api/v1/events/${item.slug}`)).json();
    if (details.seating === "GENERAL_ADMISSION" && details.availability.onSale) {
      event = details;
      break;
    }
  }
  if (!event) throw new Error("the demo catalogue has no comedy event on sale");

  // The session cookie rides along with page.request too; only the Origin differs from the page's own fetch.
  const forged = await page.request.post(`/api/v1/events/${event.id}/holds`, {
    headers: { origin: "https://evil.example" },
    data: { ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 },
  });
  expect(forged.status()).toBe(403);

  await page.goto(`/events/${event.slug}`);
  const stepper = page.getByRole("group", { name: /tickets$/ }).first();
  await stepper.getByRole("button", { name: "One more" }).click();
  await page.getByRole("button", { name: "Hold 1 ticket" }).click();
  await expect(page).toHaveURL(/\/checkout\//);
  await page.getByRole("button", { name: /^Pay \$/ }).click();
  await expect(page.getByText(/TEST MODE/)).toBeVisible();
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Paid");

  expect(violations).toEqual([]);
});
