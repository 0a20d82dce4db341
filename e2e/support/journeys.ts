/**
 * Steps the foundation journeys share (members, i18n, api keys, audit, cross-tenant specs).
 * Each one drives the UI the way a person would and waits with web-first assertions, so specs
 * never need fixed sleeps.
 */

import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { linkPath, waitForMail } from "./mail";

/** English role labels, as the role selects show them. */
export type RoleLabel = "Owner" | "Admin" | "Member" | "Viewer";

/** A second, independent browser (its own cookies), for "someone else" in a journey. */
export async function otherBrowser(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  // browser.newContext() inside a test inherits the config's `use` options, baseURL included.
  const context = await browser.newContext();
  const page = await context.newPage();
  return { context, page };
}

/** The page's h1 (every signed-in page has exactly one; on the dashboard it is the organisation's name). */
export function pageHeading(page: Page) {
  return page.getByRole("heading", { level: 1 });
}

/** Invites `email` from /settings/members with `role` and returns the invitation link the dialog shows once. */
/** Invites through the dialog and returns the link from the invitation e-mail the invitee received. */
export async function inviteMember(page: Page, email: string, role: RoleLabel): Promise<string> {
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email", { exact: true }).fill(email);
  await dialog.getByLabel("Role", { exact: true }).click();
  await page.getByRole("option", { name: role, exact: true }).click();
  await expect(dialog.getByLabel("Role", { exact: true })).toHaveText(role);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByTestId("invitation-sent")).toContainText(`Sent to ${email}`);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  const mail = await waitForMail(email, /invited you/);
  return new URL(linkPath(mail, "/invite/"), page.url()).toString();
}

/** Creates an API key on /settings/api-keys and returns the secret the dialog shows once. */
export async function createApiKeyInUi(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Key name").fill(name);
  // Specs use the key to make changes too: a write key.
  await dialog.getByLabel("Access", { exact: true }).click();
  await page.getByRole("option", { name: "Read and write", exact: true }).click();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const secret = dialog.getByTestId("created-api-key");
  await expect(secret).toHaveValue(/\S{20,}/);
  const key = await secret.inputValue();
  await dialog.getByRole("button", { name: "I’ve stored the key" }).click();
  await expect(dialog).toBeHidden();
  // The list behind the dialog now shows the key (by name, never the secret).
  await expect(page.getByRole("table", { name: "API keys" }).getByText(name, { exact: true })).toBeVisible();
  return key;
}

/** Picks a language from the top-bar switcher and waits until the page has re-rendered in it. */
export async function chooseLanguage(page: Page, language: "English" | "简体中文"): Promise<void> {
  await page.getByTestId("locale-switcher").click();
  await page.getByRole("menuitem", { name: language }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language === "English" ? /^en/ : /^zh/);
}

/** The sidebar's main navigation, in either language. */
export function mainNavigation(page: Page) {
  return page.getByRole("navigation", { name: /^(Main navigation|主导航)$/ });
}
