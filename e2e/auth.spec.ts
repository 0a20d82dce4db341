/**
 * Sign-up, login and logout as a new user meets them: the register form (validated as you type),
 * wrong passwords, the per-account rate limit, and "log out everywhere" ending other browsers'
 * sessions on their next request.
 */
import { expect, logIn, logInThroughForm, test, uniqueEmail } from "./support/fixtures";
import { otherBrowser, pageHeading } from "./support/journeys";

const PASSWORD_RULE = "Use between 12 and 128 characters.";

test("a new studio signs up through the form and lands on its dashboard", async ({ page }) => {
  test.slow(); // a form, a registration (password hashing, the verification e-mail) and a sign-in; often the run's first
  const email = uniqueEmail("signup");
  const orgName = `Harbour Lights Pictures ${email.split("@")[0]?.slice(-8)}`;

  await page.goto("/register");
  await page.getByLabel("Your name").fill("Lin Producer");
  await page.getByLabel("Email", { exact: true }).fill(email);

  // Validation runs as the user types, before any submit.
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("too-short");
  await expect(page.getByText(PASSWORD_RULE)).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await password.fill("a long enough passphrase 2026");
  await expect(page.getByText(PASSWORD_RULE)).toBeHidden();
  await expect(password).not.toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Organisation name").fill(orgName);
  await page.getByRole("radio", { name: "Studio", exact: true }).click();
  await expect(page.getByRole("radio", { name: "Studio", exact: true })).toBeChecked();
  await page.getByLabel("Home country").click();
  await page.getByLabel("Search countries").fill("Japan");
  await page.getByRole("option", { name: "Japan", exact: true }).click();
  await expect(page.getByLabel("Home country")).toHaveText(/Japan/);

  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(pageHeading(page)).toHaveText(orgName);
  await expect(page.getByTestId("getting-started")).toBeVisible();
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({
    user: { email },
    activeOrganization: { name: orgName, kind: "STUDIO", homeCountry: "JP", role: "OWNER" },
  });
});

test("a user logs in, sees their dashboard and logs out", async ({ page, signUp }) => {
  const account = await signUp(page, { kind: "PARTNER", logIn: false });

  await logInThroughForm(page, account);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(pageHeading(page)).toHaveText(account.organization.name);

  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  // The session is gone: the dashboard sends the visitor back to the login page, the API says 401.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("a wrong password shows the error and stays on the login page", async ({ page, signUp }) => {
  const account = await signUp(page, { kind: "STUDIO", logIn: false });

  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("not-the-password-2026");
  await page.getByRole("button", { name: "Log in" }).click();

  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await expect(password).toHaveValue(""); // cleared for the next try
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);

  // The right password still works afterwards.
  await password.fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(pageHeading(page)).toHaveText(account.organization.name);
});

test("five wrong passwords lock the account: the right one is then refused too", async ({ page, signUp }) => {
  const account = await signUp(page, { kind: "STUDIO", logIn: false });

  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  const password = page.getByLabel("Password", { exact: true });
  const error = page.getByTestId("login-error");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await password.fill(`wrong-password-${attempt}-2026`);
    await page.getByRole("button", { name: "Log in" }).click();
    // The form clears the password once the server has answered: the attempt has been counted.
    await expect(password).toHaveValue("");
    await expect(error).toHaveText("Wrong email or password.");
  }

  await password.fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(error).toHaveText(/Too many login attempts/);
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("log out everywhere ends the session in another browser too", async ({ page, browser, signUp }) => {
  test.slow(); // two browsers, three logins
  const account = await signUp(page, { kind: "STUDIO" });
  const laptop = await otherBrowser(browser);
  await logIn(laptop.page, account);
  await expect(pageHeading(laptop.page)).toHaveText(account.organization.name);
  expect((await laptop.page.request.get("/api/v1/me")).status()).toBe(200);

  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: /^Log out everywhere/ }).click();
  await expect(page).toHaveURL(/\/login/);

  // The other browser still holds its cookie, but the server no longer accepts it.
  await laptop.page.reload();
  await expect(laptop.page).toHaveURL(/\/login/);
  await expect(laptop.page.getByLabel("Email", { exact: true })).toBeVisible();
  expect((await laptop.page.request.get("/api/v1/me")).status()).toBe(401);
  await laptop.context.close();

  // Logging in again works and starts a fresh session.
  await logInThroughForm(page, account);
  await expect(pageHeading(page)).toHaveText(account.organization.name);
});
