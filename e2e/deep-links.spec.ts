/**
 * Issue 17 point 6: a deep link survives login. Opening /deals signed out goes to the login page
 * with the page as callbackUrl (through safeCallbackUrl), and logging in lands on /deals — with
 * its query — not on the dashboard.
 */
import { expect, test } from "./support/fixtures";

for (const target of ["/deals", "/deals?status=DRAFT"]) {
  test(`opening ${target} signed out lands on it after login`, async ({ page, signUp }) => {
    const account = await signUp(page, { kind: "STUDIO", logIn: false });
    await page.context().clearCookies();
    await page.goto(target);
    await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === target);
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === target);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
}

test("a foreign callbackUrl planted in a signed-out link still lands on the dashboard", async ({ page, signUp }) => {
  const account = await signUp(page, { kind: "PARTNER", logIn: false });
  await page.context().clearCookies();
  await page.goto("/login?callbackUrl=%2F%2Fevil.test%2Fdeals");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname === "/dashboard");
});
