/**
 * Platform → Jobs: a platform administrator sees the queues with their schedule, the in-process
 * worker of the e2e server (scripts/serve.mjs runs one unless WORKER=off), and a run made by
 * `npm run jobs:run` with its summary; a studio gets no such page.
 */
import { spawnSync } from "node:child_process";
import { e2eDatabaseUrl } from "./support/e2e-database";
import { expect, logIn, test } from "./support/fixtures";

const PASSWORD = "demo-rights-2026";

test("a platform admin sees queues, workers and a run made with jobs:run; a studio cannot open the page", async ({ page, browser }) => {
  test.slow();
  const url = e2eDatabaseUrl();
  expect(url).toBeTruthy();
  const run = spawnSync("npm", ["run", "--silent", "jobs:run", "--", "deal-expiry"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  // stdout also carries the job's log lines; the command's own answer is the line with a status.
  const answer = run.stdout.split("\n").find((line) => line.includes('"status":"succeeded"'));
  expect(JSON.parse(answer ?? "{}")).toMatchObject({ job: "deal-expiry", status: "succeeded" });

  await logIn(page, { email: "admin@demo.rightsbridge.test", password: PASSWORD });
  await page.getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  const queues = page.getByRole("table", { name: "Queues" });
  await expect(queues.getByRole("row").filter({ hasText: "deal-expiry" })).toContainText("0 * * * *");
  const recent = page.getByRole("table", { name: "Recent runs" });
  await expect(recent.getByRole("row").filter({ hasText: "by hand" }).first()).toContainText("Succeeded");
  await expect(recent).toContainText('"expired"');
  // The e2e server's in-process worker has reported in (header row + at least one worker).
  const workers = page.getByRole("table", { name: "Workers" });
  await expect(workers).toBeVisible();
  expect(await workers.getByRole("row").count()).toBeGreaterThan(1);

  const context = await browser.newContext();
  const studio = await context.newPage();
  await logIn(studio, { email: "studio@demo.rightsbridge.test", password: PASSWORD });
  const response = await studio.goto("/platform/jobs");
  expect(response?.status()).not.toBe(200);
  await context.close();
});
