/**
 * Tenancy from the outside: a signed-in user of organisation A, in a real browser session, aims
 * at organisation B's records by id. Every attempt answers 404 problem+json (never 403, which
 * would confirm the record exists), B's records are untouched afterwards, and nothing of B shows
 * on A's pages.
 */
import type { APIResponse } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { otherBrowser, pageHeading } from "./support/journeys";

async function expectNotFound(response: APIResponse, what: string): Promise<void> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(404);
  expect(response.headers()["content-type"], what).toContain("application/problem+json");
}

test("a user of one organisation gets 404 for another organisation's records and sees none of them", async ({ page, browser, signUp }) => {
  test.slow(); // two tenants, a dozen probes
  const a = await signUp(page, { kind: "STUDIO" });
  const bBrowser = await otherBrowser(browser);
  const b = await signUp(bBrowser.page, { kind: "STUDIO", homeCountry: "KR" });
  const bApi = bBrowser.page.request;

  // B's records: an API key, its owner's membership, a pending invitation, a private title.
  const bKeyName = `B secret integration ${b.organization.id.slice(-6)}`;
  const bKey = await bApi.post("/api/v1/api-keys", { data: { name: bKeyName } });
  expect(bKey.status()).toBe(201);
  const { id: bKeyId, key: bSecret } = await bKey.json();
  const bMembers = await (await bApi.get("/api/v1/members")).json();
  const bMembershipId: string = bMembers.items[0].id;
  const bInviteeEmail = `b.invitee.${b.organization.id.slice(-8)}@e2e.rightsbridge.test`;
  const bInvitation = await bApi.post("/api/v1/invitations", { data: { email: bInviteeEmail, role: "ADMIN" } });
  expect(bInvitation.status()).toBe(201);
  const { id: bInvitationId } = await bInvitation.json();
  const bTitle = await bApi.post("/api/v1/titles", {
    data: { kind: "FILM", originalTitle: "B Private Cut", originalLanguage: "ko", year: 2025, visibility: "PRIVATE" },
  });
  expect(bTitle.status(), await bTitle.text()).toBe(201);
  const { id: bTitleId } = await bTitle.json();

  // A, with its own session cookie (page.request shares the browser's cookies), aims at each of them.
  const aApi = page.request;
  await expectNotFound(await aApi.delete(`/api/v1/api-keys/${bKeyId}`), "revoke B's API key");
  await expectNotFound(await aApi.patch(`/api/v1/members/${bMembershipId}`, { data: { role: "VIEWER" } }), "change B's member role");
  await expectNotFound(await aApi.delete(`/api/v1/members/${bMembershipId}`), "remove B's member");
  await expectNotFound(await aApi.delete(`/api/v1/invitations/${bInvitationId}`), "revoke B's invitation");
  await expectNotFound(await aApi.get(`/api/v1/titles/${bTitleId}`), "read B's private title");
  await expectNotFound(await aApi.patch(`/api/v1/titles/${bTitleId}`, { data: { originalTitle: "Taken over" } }), "edit B's private title");
  // The same answer as for ids that exist nowhere: A learns nothing about B.
  await expectNotFound(await aApi.delete("/api/v1/api-keys/00000000-0000-7000-8000-000000000000"), "revoke an unknown key");

  // A cannot make B its active organisation by asking the session for it.
  const switched = await page.evaluate(async (orgId) => {
    const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
    const res = await fetch("/api/auth/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ csrfToken, data: { activeOrganizationId: orgId } }),
    });
    return res.ok ? ((await res.json()) as { activeOrganizationId?: string }).activeOrganizationId : null;
  }, b.organization.id);
  expect(switched).not.toBe(b.organization.id);
  const me = await (await aApi.get("/api/v1/me")).json();
  expect(me.activeOrganization.id).toBe(a.organization.id);
  expect(me.organizations.map((o: { id: string }) => o.id)).toEqual([a.organization.id]);

  // B's records are untouched.
  expect((await bApi.get("/api/v1/members")).ok()).toBe(true);
  expect((await (await bApi.get("/api/v1/members")).json()).items[0]).toMatchObject({ id: bMembershipId, role: "OWNER" });
  expect((await bApi.get("/api/v1/me", { headers: { Authorization: `Bearer ${bSecret}` } })).status()).toBe(200);
  expect((await (await bApi.get("/api/v1/invitations")).json()).items).toEqual([
    expect.objectContaining({ id: bInvitationId, email: bInviteeEmail }),
  ]);
  expect((await (await bApi.get(`/api/v1/titles/${bTitleId}`)).json()).originalTitle).toBe("B Private Cut");

  // And in A's browser, none of B's people, keys or history appear.
  await page.goto("/settings/members");
  await expect(page.getByRole("table", { name: "Members" })).toContainText(a.email);
  await expect(page.getByText(b.email)).toHaveCount(0);
  await expect(page.getByText(bInviteeEmail)).toHaveCount(0);
  await page.goto("/settings/api-keys");
  await expect(pageHeading(page)).toHaveText("API keys");
  await expect(page.getByText(bKeyName)).toHaveCount(0);
  await page.goto("/settings/audit-log");
  await expect(page.getByRole("table", { name: "Audit log" })).toContainText(a.email);
  await expect(page.getByText(b.email)).toHaveCount(0);
  await expect(page.getByText(bInviteeEmail)).toHaveCount(0);
  await page.getByTestId("org-switcher").click();
  await expect(page.getByRole("menuitem")).toHaveCount(1);
  await expect(page.getByRole("menuitem", { name: b.organization.name })).toHaveCount(0);
  await page.keyboard.press("Escape");

  // A page for another kind of organisation (platform operators) is a 404 page too, not a 403.
  const platformPage = await page.goto("/organizations");
  expect(platformPage?.status()).toBe(404);
  await expect(pageHeading(page)).toHaveText("Page not found");

  await bBrowser.context.close();
});

test("an API key of one organisation reaches nothing of another, and cannot tell its records exist", async ({
  page,
  browser,
  request,
  signUp,
}) => {
  test.slow(); // two tenants
  await signUp(page, { kind: "STUDIO" });
  const aKey = (await (await page.request.post("/api/v1/api-keys", { data: { name: "A robot", scope: "write" } })).json()).key as string;
  const bBrowser = await otherBrowser(browser);
  await signUp(bBrowser.page, { kind: "STUDIO" });
  const bApi = bBrowser.page.request;
  const { id: bKeyId } = await (await bApi.post("/api/v1/api-keys", { data: { name: "B robot" } })).json();
  const bMembershipId: string = (await (await bApi.get("/api/v1/members")).json()).items[0].id;
  const bTitle = await bApi.post("/api/v1/titles", {
    data: { kind: "SERIES", originalTitle: "B Unlisted Series", originalLanguage: "zh", year: 2024 },
  });
  expect(bTitle.status(), await bTitle.text()).toBe(201);
  const { id: bTitleId } = await bTitle.json();

  const asA = { Authorization: `Bearer ${aKey}` };
  await expectNotFound(await request.get(`/api/v1/titles/${bTitleId}`, { headers: asA }), "key reads B's title");
  await expectNotFound(
    await request.patch(`/api/v1/titles/${bTitleId}`, { headers: asA, data: { originalTitle: "Taken over" } }),
    "key edits B's title",
  );

  // Whatever a key may not do, B's ids and ids that exist nowhere get the same answer.
  const missing = "00000000-0000-7000-8000-000000000000";
  const probes: [what: string, bId: string, probe: (id: string) => Promise<APIResponse>][] = [
    ["revoke a key", bKeyId, (id) => request.delete(`/api/v1/api-keys/${id}`, { headers: asA })],
    ["change a member's role", bMembershipId, (id) => request.patch(`/api/v1/members/${id}`, { headers: asA, data: { role: "VIEWER" } })],
    ["remove a member", bMembershipId, (id) => request.delete(`/api/v1/members/${id}`, { headers: asA })],
    ["read a title", bTitleId, (id) => request.get(`/api/v1/titles/${id}`, { headers: asA })],
  ];
  for (const [what, bId, probe] of probes) {
    const onB = await probe(bId);
    const onNothing = await probe(missing);
    expect(onB.status(), `${what} of B`).toBeGreaterThanOrEqual(400);
    expect(onB.status(), `${what}: B's record vs a missing one`).toBe(onNothing.status());
  }

  // B's key and membership are untouched.
  expect((await (await bApi.get("/api/v1/api-keys")).json()).items.map((k: { id: string }) => k.id)).toContain(bKeyId);
  expect((await (await bApi.get("/api/v1/members")).json()).items[0]).toMatchObject({ id: bMembershipId, role: "OWNER" });
  await bBrowser.context.close();
});
