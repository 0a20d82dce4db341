/**
 * Issue 11, point 8: the login's `callbackUrl` never leaves our origin and never answers 500,
 * replayed against the production build with the attack's values (`%2F%09%2Fevil.test`, `%0A`).
 */
import { expect, test } from "./support/fixtures";

const HOSTILE = [
  "%2F%09%2Fevil.test",
  "%0A",
  "%2F%0A%2Fevil.test",
  "%2F%2Fevil.test",
  "%2F%5Cevil.test",
  "https%3A%2F%2Fevil.test%2F",
  "%5C%5Cevil.test",
  "javascript%3Aalert(1)",
  "%20%2F%2Fevil.test",
];

test("signed in, the login page sends every hostile callbackUrl to our dashboard, never a 500", async ({ page, signUp, baseURL }) => {
  await signUp(page, { kind: "STUDIO" });
  const origin = new URL(baseURL ?? "").origin;
  for (const value of HOSTILE) {
    const raw = await page.request.get(`/login?callbackUrl=${value}`, { maxRedirects: 0 });
    expect(raw.status(), value).toBeLessThan(500);
    const location = raw.headers().location;
    if (location) expect(new URL(location, origin).origin, value).toBe(origin);
    const response = await page.goto(`/login?callbackUrl=${value}`);
    expect(response?.status(), value).toBeLessThan(500);
    expect(new URL(page.url()).origin, value).toBe(origin);
    expect(new URL(page.url()).pathname, value).toBe("/dashboard");
  }
});

test("logging in with the attack's callbackUrl lands on our dashboard", async ({ page, signUp, baseURL }) => {
  const account = await signUp(page, { kind: "PARTNER", logIn: false });
  for (const value of ["%2F%09%2Fevil.test", "%0A"]) {
    await page.context().clearCookies();
    const response = await page.goto(`/login?callbackUrl=${value}`);
    expect(response?.status()).toBe(200);
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
  }
});
