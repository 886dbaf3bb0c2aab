import { demo, expect, signIn, test } from "./fixtures";

test.describe("accounts", () => {
  test("a fan signs up, signs out and signs back in @mobile", async ({ page, newAccount }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Sign up" }).click();
    await page.getByLabel("Name").fill(newAccount.name);
    await page.getByLabel("E-mail").fill(newAccount.email);
    await page.getByLabel("Password").fill(newAccount.password);
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    await page.getByRole("link", { name: "Sign in" }).click();
    await signIn(page, newAccount.email, newAccount.password);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });

  test("sign-up explains what is wrong and keeps what was typed", async ({ page, newAccount }) => {
    await page.goto("/signup");
    await page.getByLabel("Name").fill(newAccount.name);
    await page.getByLabel("E-mail").fill(newAccount.email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
    await expect(page.getByLabel("E-mail")).toHaveValue(newAccount.email);

    await page.goto("/signup");
    await page.getByLabel("Name").fill("Someone");
    await page.getByLabel("E-mail").fill(demo.fan);
    await page.getByLabel("Password").fill("a-long-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("already exists");
  });

  test("a wrong password is refused without saying which half was wrong", async ({ page }) => {
    await page.goto("/signin");
    await signIn(page, demo.fan, "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("The e-mail or password is wrong.");
    await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();
  });

  test("the organizer dashboard sends visitors to sign-in and back, and fans to the application", async ({ page }) => {
    await page.goto("/organizer");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Forganizer/);
    await signIn(page, demo.organizer);
    // One organization: straight to its overview.
    await expect(page).toHaveURL(/\/organizer\/northstar-live$/);
    await expect(page.getByRole("heading", { name: "Northstar Live" })).toBeVisible();
    await expect(page.getByTestId("event-list").getByRole("link").first()).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" }),
    ).toHaveAttribute("aria-current", "page");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.goto("/signin?callbackUrl=/organizer");
    await signIn(page, demo.fan);
    await expect(page).toHaveURL(/\/for-organizers$/);
    await expect(page.getByRole("heading", { name: "Sell tickets on Marquee" })).toBeVisible();
  });
});
