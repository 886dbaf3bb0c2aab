import type { Browser, Page } from "@playwright/test";
import { demo, expect, signIn, test } from "./fixtures";
import { ORG, signInAsOrganizer } from "./organizer";

// Staff: the demo owner invites a new e-mail address as check-in staff; the invitee follows the
// e-mail's link (read from the dev mailbox, which only admins may open on a production server),
// creates an account on a phone and lands in the dashboard with the check-in view only; the
// owner finds both the invitation and its acceptance on the audit log.

/** The invitation link of the e-mail sent to `to`, as the admin reads it in the dev mailbox (the worker sends it within seconds). */
async function invitationLinkFromMailbox(browser: Browser, to: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin?callbackUrl=/dev/mailbox");
  await signIn(page, demo.admin);
  await expect(page.getByRole("heading", { name: "Dev mailbox" })).toBeVisible();
  const mail = page.getByRole("listitem").filter({ hasText: `To ${to}` });
  await expect(async () => {
    await page.reload();
    await expect(mail).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(mail.getByRole("heading")).toHaveText("Join Northstar Live on Marquee");
  const text = await mail.locator("pre").innerText();
  await context.close();
  const link = /https?:\/\/\S+\/invitations\/[\w-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no invitation link in: ${text}`);
  // The link names the configured APP_URL; the test server may listen elsewhere.
  return new URL(link).pathname;
}

async function auditEntries(page: Page) {
  await page.goto(`/organizer/${ORG}/audit`);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  return page.getByTestId("audit-entries").getByRole("listitem");
}

test("an owner invites check-in staff, who join from the e-mail's link on a phone", async ({
  page,
  browser,
  newAccount,
}) => {
  // Three people in three browser contexts, and the worker's e-mail in between.
  test.setTimeout(120_000);
  await signInAsOrganizer(page, "/staff");
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
  await page.getByLabel("E-mail address").fill(newAccount.email);
  await page.getByLabel("Role", { exact: true }).selectOption("CHECK_IN");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${newAccount.email}.`)).toBeVisible();
  await expect(page.getByTestId("invitations")).toContainText(newAccount.email);

  const invitationPath = await invitationLinkFromMailbox(browser, newAccount.email);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const invitee = await phone.newPage();
  await invitee.goto(invitationPath);
  await expect(invitee.getByRole("heading", { name: "You have been invited" })).toBeVisible();
  await expect(invitee.getByTestId("invitation")).toContainText("Northstar Live");
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await invitee.getByLabel("Name").fill(newAccount.name);
  await invitee.getByLabel("E-mail").fill(newAccount.email);
  await invitee.getByLabel("Password").fill(newAccount.password);
  await invitee.getByRole("button", { name: "Create account" }).click();
  // Back on the invitation, now signed in with the invited address.
  await expect(invitee).toHaveURL(new RegExp(`${invitationPath}$`));
  await invitee.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/organizer/${ORG}$`));
  await expect(invitee.getByRole("heading", { level: 1, name: "Northstar Live" })).toBeVisible();
  await expect(invitee.getByRole("navigation", { name: "Dashboard" }).getByRole("link")).toHaveText(["Overview"]);
  await expect(invitee.getByRole("link", { name: "New event" })).toHaveCount(0);

  // The link worked once.
  await invitee.goto(invitationPath);
  await expect(invitee.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();
  await phone.close();

  const entries = await auditEntries(page);
  const sent = entries.filter({ hasText: "invitation.sent" }).filter({ hasText: newAccount.email });
  const accepted = entries.filter({ hasText: "invitation.accepted" }).filter({ hasText: newAccount.email });
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText(demo.organizer);
  await expect(accepted).toHaveCount(1);
  await expect(accepted).toContainText("CHECK_IN");
  // Newest first: the acceptance above the invitation.
  const actions = await entries.locator("code").allInnerTexts();
  expect(actions.indexOf("invitation.accepted")).toBeLessThan(actions.indexOf("invitation.sent"));

  // Filtered to invitations only.
  await page.getByLabel("What").selectOption("invitation");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/entity=invitation/);
  const filtered = await page.getByTestId("audit-entries").locator("code").allInnerTexts();
  expect(filtered.length).toBeGreaterThanOrEqual(2);
  expect(filtered.every((action) => action.startsWith("invitation."))).toBe(true);

  await page.goto(`/organizer/${ORG}/staff`);
  await expect(page.getByTestId("members")).toContainText(newAccount.email);
});

test("the staff and audit pages fit a phone, and managers only look at staff @mobile", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAsOrganizer(page, "/staff");
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
  for (const path of ["/staff", "/audit"]) {
    await page.goto(`/organizer/${ORG}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(path === "/staff" ? "Staff" : "Audit log");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`${path.slice(1)}.png`), fullPage: true });
  }
  await expect(page.getByTestId("audit-entries").getByRole("listitem").first()).toBeVisible();

  const context = await browser.newContext();
  const manager = await context.newPage();
  await manager.goto(`/signin?callbackUrl=/organizer/${ORG}/staff`);
  await signIn(manager, "manager@northstar.test");
  await expect(manager.getByTestId("members")).toContainText(demo.organizer);
  await expect(manager.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(manager.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await manager.goto(`/organizer/${ORG}/audit`);
  await expect(manager).toHaveURL(/\/forbidden$/);
  await context.close();
});
