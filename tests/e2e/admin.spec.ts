import { randomUUID } from "node:crypto";
import { demo, expect, signIn, test } from "./fixtures";

// Site administration as its users meet it: a fan applies to sell tickets, the demo admin approves,
// the fan runs the new organization's dashboard; then the admin disables the fan, whose open session
// ends and whose next sign-in is refused.

test("a fan applies, the admin approves, the fan opens the new dashboard; a disabled account is shut out @mobile", async ({
  browser,
  newAccount,
}) => {
  test.setTimeout(90_000);
  const organization = `Cellar Club ${randomUUID().slice(0, 6)}`;
  const fan = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();

  // The fan signs up, follows "For organizers" and applies.
  await fan.goto("/signup");
  await fan.getByLabel("Name").fill(newAccount.name);
  await fan.getByLabel("E-mail").fill(newAccount.email);
  await fan.getByLabel("Password").fill(newAccount.password);
  await fan.getByRole("button", { name: "Create account" }).click();
  await expect(fan.getByRole("button", { name: "Sign out" })).toBeVisible();
  await fan.getByRole("link", { name: "For organizers" }).click();
  await expect(fan).toHaveURL(/\/for-organizers$/);
  await fan.getByLabel("Organization name").fill(organization);
  await fan.getByLabel("Website (optional)").fill("cellar.example");
  await fan.getByLabel("What do you organize?").fill("Small jazz and folk nights, twice a month.");
  await fan.getByRole("button", { name: "Apply" }).click();
  await expect(fan.getByTestId("application-status")).toContainText("Waiting for an admin");

  // The admin finds it among the pending applications and approves it at its suggested address.
  await admin.goto("/signin?callbackUrl=/admin/applications");
  await signIn(admin, demo.admin);
  await expect(admin.getByRole("heading", { name: "Organizer applications" })).toBeVisible();
  const card = admin.getByTestId("applications").getByRole("listitem").filter({ hasText: organization });
  await expect(card).toContainText(newAccount.email);
  const slug = await card.getByLabel("Dashboard address (slug)").inputValue();
  expect(slug).toMatch(/^cellar-club-/);
  await card.getByRole("button", { name: "Approve" }).click();
  // Decided, it leaves the pending list for the approved one.
  await expect(card).toHaveCount(0);
  await admin.getByRole("link", { name: "Approved" }).click();
  await expect(admin.getByTestId("applications").getByRole("listitem").filter({ hasText: organization })).toContainText(
    `Approved as ${organization} by ${demo.admin}`,
  );

  // The fan sees the answer where they applied and opens their organization's dashboard.
  await fan.reload();
  await expect(fan.getByTestId("application-status")).toContainText("Approved");
  await fan.getByRole("link", { name: `Open ${organization}'s dashboard` }).click();
  await expect(fan).toHaveURL(new RegExp(`/organizer/${slug}$`));
  await expect(fan.getByRole("heading", { level: 1, name: organization })).toBeVisible();

  // The approval is in the audit log.
  await admin.goto(`/admin/audit?organization=${slug}`);
  await expect(admin.getByTestId("audit")).toContainText("organizer_application.approved");

  // The admin disables the account: the fan's open session ends, and signing in again is refused.
  await admin.goto(`/admin/users?q=${encodeURIComponent(newAccount.email)}`);
  await admin
    .getByTestId("users")
    .getByRole("link", { name: new RegExp(newAccount.email) })
    .click();
  await admin.getByRole("button", { name: "Disable account" }).click();
  await expect(admin.getByTestId("disabled-since")).toBeVisible();

  await fan.reload();
  await expect(fan).toHaveURL(/\/signin\?callbackUrl=/);
  await signIn(fan, newAccount.email, newAccount.password);
  await expect(fan.locator("form").getByRole("alert")).toHaveText("The e-mail or password is wrong.");
});

test("fans and organizers are turned away from /admin", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
  await signIn(page, demo.organizer);
  await expect(page).toHaveURL(/\/forbidden$/);
});
