/**
 * API keys: created in the UI and shown once, usable as `Authorization: Bearer` against the JSON
 * API for the organisation that made it, refused with 401 problem+json as soon as it is revoked.
 */
import { expect, test } from "./support/fixtures";
import { createApiKeyInUi } from "./support/journeys";

test("a key created in the UI calls the API as its organisation until it is revoked", async ({ page, request, signUp }) => {
  test.slow(); // create, use, reload and revoke: a journey over several pages
  const account = await signUp(page, { kind: "PARTNER" });
  const keyName = `ERP integration ${account.organization.id.slice(-6)}`;

  const key = await createApiKeyInUi(page, keyName);

  // Shown once: after the dialog closes, the secret is nowhere on the page (only its prefix).
  const row = page.getByRole("table", { name: "API keys" }).getByRole("row", { name: new RegExp(keyName) });
  await expect(row).toContainText("Never");
  await expect(page.getByText(key)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);

  // `request` carries no cookies: the key alone authenticates.
  const bearer = { Authorization: `Bearer ${key}` };
  const me = await request.get("/api/v1/me", { headers: bearer });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({
    user: null,
    activeOrganization: { id: account.organization.id, name: account.organization.name, kind: "PARTNER" },
  });
  // Without the key (or with a made-up one) the same call is refused.
  expect((await request.get("/api/v1/me")).status()).toBe(401);
  expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${key}x` } })).status()).toBe(401);

  // The list now says when the key was last used.
  await page.reload();
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: `Revoke ${keyName}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("API key revoked")).toBeVisible();
  await expect(page.getByRole("button", { name: `Revoke ${keyName}` })).toHaveCount(0);

  const refused = await request.get("/api/v1/me", { headers: bearer });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect(await refused.json()).toMatchObject({ status: 401, title: expect.any(String), type: expect.any(String) });
});

test("a key acts with member rights: it cannot manage keys", async ({ page, request, signUp }) => {
  await signUp(page, { kind: "STUDIO" });
  const key = await createApiKeyInUi(page, "Automation");
  const bearer = { Authorization: `Bearer ${key}` };

  const listed = await request.get("/api/v1/api-keys", { headers: bearer });
  const created = await request.post("/api/v1/api-keys", { headers: bearer, data: { name: "minted by a key" } });
  for (const response of [listed, created]) {
    expect(response.status(), await response.text()).toBe(403);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
  }
  // Nothing was created behind the UI's back.
  await page.reload();
  await expect(page.getByRole("table", { name: "API keys" }).getByRole("row")).toHaveCount(2); // header + the one key
});
