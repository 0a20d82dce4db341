/**
 * Shared Playwright fixtures. Every test that needs an account makes its own organisation, so
 * specs never share state and can run in parallel:
 *
 *   import { expect, test } from "./support/fixtures";
 *   test("studio sees its dashboard", async ({ page, signUp }) => {
 *     const account = await signUp(page, { kind: "STUDIO" });
 *     await expect(page.getByText(account.organization.name)).toBeVisible();
 *   });
 */
import fs from "node:fs";
import path from "node:path";
import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import { linkPath, waitForMail } from "./mail";

export type OrganizationKind = "STUDIO" | "PARTNER";

export interface SignUpOptions {
  kind: OrganizationKind;
  /** ISO 3166-1 alpha-2; defaults to CN for studios and TH for partners. */
  homeCountry?: string;
  /** Skip the UI login when a test only needs the account (e.g. to log in itself). */
  logIn?: boolean;
  /** Default true: follow the e-mailed verification link (through the API) before going on. */
  verified?: boolean;
}

export interface Account {
  email: string;
  password: string;
  name: string;
  user: { id: string; email: string };
  organization: { id: string; name: string; kind: OrganizationKind };
}

let counter = 0;

/** An address no other test, worker or retry uses. */
export function uniqueEmail(label = "user"): string {
  const info = base.info();
  counter += 1;
  const salt = Math.random().toString(36).slice(2, 8);
  return `${label}.w${info.parallelIndex}r${info.retry}.${Date.now().toString(36)}${counter}${salt}@e2e.rightsbridge.test`;
}

/** Creates a user and its organisation through the public API (POST /api/v1/auth/register). */
export async function register(page: Page, options: SignUpOptions): Promise<Account> {
  const email = uniqueEmail(options.kind.toLowerCase());
  const tag = email.split("@")[0] ?? email;
  const password = "e2e-password-2026!";
  const name = `E2E ${options.kind === "STUDIO" ? "Producer" : "Buyer"} ${tag.slice(-6)}`;
  const organization = {
    name: `E2E ${options.kind === "STUDIO" ? "Studio" : "Partner"} ${tag.slice(-10)}`,
    kind: options.kind,
    homeCountry: options.homeCountry ?? (options.kind === "STUDIO" ? "CN" : "TH"),
  };
  const response = await page.request.post("/api/v1/auth/register", { data: { email, password, name, organization } });
  expect(response.status(), `register ${email}: ${await response.text()}`).toBe(201);
  const body: { user: Account["user"]; organization: Account["organization"] } = await response.json();
  if (options.verified ?? true) await verifyFromMail(page, email);
  return { email, password, name, user: body.user, organization: body.organization };
}

/** Reads the verification e-mail the app sent to `email` and confirms it with the link's token. */
export async function verifyFromMail(page: Page, email: string): Promise<void> {
  const link = linkPath(await waitForMail(email, /Confirm your e-mail|确认您在 Rightsbridge/), "/verify-email/");
  const token = link.split("/").pop();
  const res = await page.request.post("/api/v1/auth/verify-email", { data: { token } });
  expect(res.status(), `verify ${email}: ${await res.text()}`).toBe(200);
}

/** Logs in through the login page, as a user would, and waits to leave it (for specs about the form itself). */
export async function logInThroughForm(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Where e2e/signed-in.setup.ts keeps the signed-in state of each demo account. */
export function signedInStatePath(email: string): string {
  return path.join(__dirname, "..", "..", "test-results", ".auth", `${email}.json`);
}

/**
 * Signs `page`'s browser context in as `account` without the form (the login form has its own
 * specs): the demo accounts reuse the state e2e/signed-in.setup.ts made once; any other account
 * signs in through next-auth's credentials endpoint, as the form does, sharing the context's cookies.
 */
export async function logIn(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  const saved = signedInStatePath(account.email);
  if (fs.existsSync(saved)) {
    const state: { cookies: Parameters<BrowserContext["addCookies"]>[0] } = JSON.parse(fs.readFileSync(saved, "utf8"));
    await page.context().addCookies(state.cookies);
  } else {
    await logInThroughApi(page, account);
  }
  // Where the form would have landed, so a journey continues from the same page either way.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function logInThroughApi(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken }: { csrfToken: string } = await csrf.json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `log in ${account.email}: ${await response.text()}`).toBeLessThan(400);
  const cookies = await page.context().cookies();
  expect(
    cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token")),
    `log in ${account.email}: ${response.headers().location ?? "no session cookie"}`,
  ).toBe(true);
}

/** A fresh organisation and user, logged in on `page` (pass another page for a second tenant). */
export async function signUp(page: Page, options: SignUpOptions): Promise<Account> {
  const account = await register(page, options);
  if (options.logIn ?? true) await logIn(page, account);
  return account;
}

export const test = base.extend<{ signUp: typeof signUp }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring pattern
  signUp: async ({}, use) => {
    await use(signUp);
  },
});

export { expect };
