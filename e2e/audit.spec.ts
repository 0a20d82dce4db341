/**
 * The audit trail: what people do shows up on the audit log page (who, what, newest first),
 * filterable by record type and paged with "Load more"; and the hash chain over every entry of
 * the run's database verifies with `npm run audit:verify`.
 */

import { e2eDatabaseUrl, runAuditVerify } from "./support/e2e-database";
import { expect, test, uniqueEmail } from "./support/fixtures";
import { createApiKeyInUi, inviteMember, pageHeading } from "./support/journeys";

test("creating a key, inviting and revoking are listed in the audit log, newest first", async ({ page, signUp }) => {
  test.slow(); // three actions through the UI before the log is read
  const account = await signUp(page, { kind: "STUDIO" });
  const keyName = `Audited key ${account.organization.id.slice(-6)}`;
  const invitee = uniqueEmail("audited");

  const key = await createApiKeyInUi(page, keyName);
  await inviteMember(page, invitee, "Viewer");
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: `Revoke ${keyName}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("API key revoked")).toBeVisible();

  await page.goto("/settings/audit-log");
  await expect(pageHeading(page)).toHaveText("Audit log");
  const rows = page.getByRole("table", { name: "Audit log" }).getByRole("row");
  const revoked = rows.filter({ hasText: "API key revoked" });
  const invited = rows.filter({ hasText: "Member invited" });
  const created = rows.filter({ hasText: "API key created" });
  const registered = rows.filter({ hasText: "Organisation registered" });
  for (const row of [revoked, invited, created, registered]) {
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(account.email); // who
  }
  await expect(created).toContainText(keyName); // the "after" values
  await expect(invited).toContainText(invitee);
  await expect(created).not.toContainText(key); // never the secret itself

  // Newest first: the order of the rows follows the order of the actions.
  const actions = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ""));
  const position = (text: string) => actions.findIndex((row) => row.includes(text));
  expect(position("API key revoked")).toBeLessThan(position("Member invited"));
  expect(position("Member invited")).toBeLessThan(position("API key created"));
  expect(position("API key created")).toBeLessThan(position("Organisation registered"));

  // Filtering by record type keeps only that type's entries.
  await page.getByRole("combobox", { name: "Record type" }).click();
  await page.getByRole("option", { name: "API key", exact: true }).click();
  await expect(page).toHaveURL(/[?&]entityType=ApiKey\b/);
  await expect(invited).toHaveCount(0);
  await expect(registered).toHaveCount(0);
  await expect(created).toHaveCount(1);
  await expect(revoked).toHaveCount(1);
  await expect(rows).toHaveCount(3); // header + the two key entries
});

test("a long audit log pages with Load more", async ({ page, signUp }) => {
  await signUp(page, { kind: "PARTNER" });
  // 56 changes through the API (cookie session): 28 keys created, then revoked.
  const ids: string[] = [];
  for (let batch = 0; batch < 4; batch += 1) {
    const responses = await Promise.all(
      Array.from({ length: 7 }, (_, i) => page.request.post("/api/v1/api-keys", { data: { name: `Batch ${batch} key ${i}` } })),
    );
    for (const response of responses) {
      expect(response.status()).toBe(201);
      ids.push((await response.json()).id);
    }
  }
  for (let start = 0; start < ids.length; start += 7) {
    const responses = await Promise.all(ids.slice(start, start + 7).map((id) => page.request.delete(`/api/v1/api-keys/${id}`)));
    for (const response of responses) expect(response.status()).toBeLessThan(300);
  }

  await page.goto("/settings/audit-log");
  const table = page.getByRole("table", { name: "Audit log" });
  await expect(table.getByRole("row")).toHaveCount(51); // header + a page of 50
  await expect(table.getByText("Organisation registered")).toHaveCount(0);

  await page.getByRole("link", { name: "Load more" }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(page.getByText("Showing older entries.")).toBeVisible();
  await expect(table.getByText("Organisation registered")).toBeVisible();
  await expect(page.getByRole("link", { name: "Load more" })).toHaveCount(0);

  await page.getByRole("link", { name: "Back to newest" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(table.getByRole("row")).toHaveCount(51);
});

test("the audit chain of the whole run verifies with npm run audit:verify", async ({ page, signUp }) => {
  const databaseUrl = e2eDatabaseUrl();
  // global-setup publishes it; a missing URL is a broken harness, not a reason to skip.
  expect(databaseUrl, "E2E_DATABASE_URL from e2e/global-setup.ts").toBeTruthy();
  if (!databaseUrl) return;

  // Some fresh entries of our own on top of the seed and whatever the other specs are writing.
  await signUp(page, { kind: "STUDIO", logIn: false });
  await signUp(page, { kind: "PARTNER" });
  expect((await page.request.post("/api/v1/api-keys", { data: { name: "chain check" } })).status()).toBe(201);

  const { code, output } = await runAuditVerify(databaseUrl);
  expect(output).toMatch(/Audit chain intact: \d+ entries verified\./);
  expect(Number(/intact: (\d+)/.exec(output)?.[1])).toBeGreaterThanOrEqual(3);
  expect(code, output).toBe(0);
});
