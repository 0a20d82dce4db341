import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end specs run against a production build (`next build` + `next start`) on a fresh,
 * migrated and seeded database; e2e/global-setup.ts prepares both and sets E2E_BASE_URL, which the
 * worker processes inherit when they load this file.
 */
const CI = Boolean(process.env.CI);

/**
 * Debian's Chromium: Playwright's own browser download is unavailable on these machines. The
 * headless shell (Debian package `chromium-headless-shell`: the same Chromium build as the
 * `chromium` package, made for headless use only, as Playwright's own headless runs are) when it
 * is installed: the suite's browser processes used ~40 % less CPU with it than with the full
 * browser in headless mode (121 → 70 CPU-seconds for deals + facility), and the journeys are
 * CPU-bound on two cores. `CHROMIUM_PATH` chooses another binary.
 */
const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => fs.existsSync(p)) ??
  "/usr/bin/chromium";

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox", // we run as root in CI containers
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // One Next server serves every worker; more than two mostly adds contention on small machines.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    // `page.request` stands in for the pages' own fetch calls, which browsers send with our Origin:
    // cookie-authenticated API writes without it are refused (CSRF, issue 11).
    extraHTTPHeaders: process.env.E2E_BASE_URL ? { origin: new URL(process.env.E2E_BASE_URL).origin } : undefined,
    // Recording a trace of every test costs CPU the journeys need (DOM snapshots and screencast at
    // each action); in CI a failed test is retried once, and that retry records its trace.
    trace: CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs the demo accounts in once and keeps their state (e2e/signed-in.setup.ts).
    { name: "signed-in", testMatch: /signed-in\.setup\.ts$/, use: { ...browser } },
    { name: "chromium", dependencies: ["signed-in"], use: { ...browser } },
  ],
});
