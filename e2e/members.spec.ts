/**
 * Team journeys: an owner invites people by link, changes their role and removes them, and each
 * change reaches the member's very next request; a person in two organisations switches between them.
 */
import { expect, logIn, register, test, uniqueEmail } from "./support/fixtures";
import { inviteMember, mainNavigation, otherBrowser, pageHeading } from "./support/journeys";

test("an invited newcomer signs up from the link; role change and removal take effect on their next request", async ({
  page,
  browser,
  signUp,
}) => {
  test.slow(); // one long journey across two browsers
  const owner = await signUp(page, { kind: "STUDIO" });
  const inviteeEmail = uniqueEmail("invitee");
  const inviteeName = `Iris Invitee ${inviteeEmail.split("@")[0]?.slice(-6)}`;

  const link = await inviteMember(page, inviteeEmail, "Admin");
  const pending = page.getByRole("table", { name: "Pending invitations" }).getByRole("row", { name: new RegExp(inviteeEmail) });
  await expect(pending).toContainText("Admin");

  // The invitee opens the link in their own browser and creates an account from it.
  const invitee = await otherBrowser(browser);
  await invitee.page.goto(link);
  await expect(invitee.page.getByTestId("invitation-state")).toHaveAttribute("data-status", "PENDING");
  await expect(invitee.page.getByText(owner.organization.name).first()).toBeVisible();
  await invitee.page.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee.page).toHaveURL(/\/register\?invitation=/);
  await expect(invitee.page.getByLabel("Email", { exact: true })).toHaveValue(inviteeEmail);
  await invitee.page.getByLabel("Your name").fill(inviteeName);
  await invitee.page.getByLabel("Password", { exact: true }).fill("invited-passphrase-2026");
  await invitee.page.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee.page).toHaveURL(/\/dashboard$/);
  await expect(pageHeading(invitee.page)).toHaveText(owner.organization.name);

  // As an admin they manage API keys.
  await expect(mainNavigation(invitee.page).getByRole("link", { name: "API keys" })).toBeVisible();
  const asAdmin = await invitee.page.goto("/settings/api-keys");
  expect(asAdmin?.status()).toBe(200);
  await expect(pageHeading(invitee.page)).toHaveText("API keys");

  // The owner sees them as a member now, and the invitation is no longer pending.
  await page.goto("/settings/members");
  await expect(page.getByRole("button", { name: `Revoke invitation for ${inviteeEmail}` })).toHaveCount(0);
  const roleSelect = page.getByRole("combobox", { name: `Role for ${inviteeName}` });
  await expect(roleSelect).toHaveText("Admin");

  // The owner makes them a viewer: their next page load no longer reaches API keys.
  await roleSelect.click();
  await page.getByRole("option", { name: "Viewer", exact: true }).click();
  await expect(page.getByText(`${inviteeName} is now Viewer`)).toBeVisible();
  await expect(roleSelect).toHaveText("Viewer");

  const asViewer = await invitee.page.goto("/settings/api-keys");
  expect(asViewer?.status()).toBe(404);
  await expect(pageHeading(invitee.page)).toHaveText("Page not found");
  await invitee.page.goto("/dashboard");
  await expect(pageHeading(invitee.page)).toHaveText(owner.organization.name);
  await expect(mainNavigation(invitee.page).getByRole("link", { name: "Members" })).toBeVisible();
  await expect(mainNavigation(invitee.page).getByRole("link", { name: "API keys" })).toHaveCount(0);
  // The server refuses too, whatever the UI shows: inside their own organisation this is a 403 problem.
  const refused = await invitee.page.request.post("/api/v1/api-keys", { data: { name: "viewer attempt" } });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");

  // The owner removes them: their next request finds no organisation and lands on /welcome.
  await page.getByRole("button", { name: `Remove ${inviteeName}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText(`${inviteeName} was removed`)).toBeVisible();
  await expect(page.getByRole("combobox", { name: `Role for ${inviteeName}` })).toHaveCount(0);

  await invitee.page.goto("/dashboard");
  await expect(invitee.page).toHaveURL(/\/welcome$/);
  await expect(invitee.page.getByText(`Logged in as ${inviteeEmail}`)).toBeVisible();
  // The used link cannot be used again.
  await invitee.page.goto(link);
  await expect(invitee.page.getByTestId("invitation-state")).toHaveAttribute("data-status", "ACCEPTED");
  await invitee.context.close();
});

test("an existing user accepts an invitation and switches between their two organisations", async ({ page, browser, signUp }) => {
  test.slow(); // two browsers, two accounts
  const owner = await signUp(page, { kind: "STUDIO" });
  const guestBrowser = await otherBrowser(browser);
  const guest = await register(guestBrowser.page, { kind: "PARTNER" });

  const link = await inviteMember(page, guest.email, "Member");

  // The guest opens the link signed out, logs in from it and comes back to accept.
  await guestBrowser.page.goto(link);
  await expect(guestBrowser.page.getByTestId("invitation-state")).toHaveAttribute("data-status", "PENDING");
  await guestBrowser.page.getByRole("link", { name: "Log in to accept" }).click();
  await expect(guestBrowser.page).toHaveURL(/\/login\?callbackUrl=/);
  await guestBrowser.page.getByLabel("Email", { exact: true }).fill(guest.email);
  await guestBrowser.page.getByLabel("Password", { exact: true }).fill(guest.password);
  await guestBrowser.page.getByRole("button", { name: "Log in" }).click();
  await expect(guestBrowser.page).toHaveURL(/\/invite\//);
  await guestBrowser.page.getByRole("button", { name: "Accept invitation" }).click();

  // Accepting makes the inviting organisation the active one.
  await expect(guestBrowser.page).toHaveURL(/\/dashboard$/);
  await expect(pageHeading(guestBrowser.page)).toHaveText(owner.organization.name);

  const switcher = guestBrowser.page.getByTestId("org-switcher");
  await expect(switcher).toHaveAccessibleName("Switch organisation");
  await switcher.click();
  await guestBrowser.page.getByRole("menuitem", { name: guest.organization.name }).click();
  await expect(pageHeading(guestBrowser.page)).toHaveText(guest.organization.name);
  expect(await (await guestBrowser.page.request.get("/api/v1/me")).json()).toMatchObject({
    activeOrganization: { id: guest.organization.id, role: "OWNER" },
  });

  await switcher.click();
  await guestBrowser.page.getByRole("menuitem", { name: owner.organization.name }).click();
  await expect(pageHeading(guestBrowser.page)).toHaveText(owner.organization.name);
  expect(await (await guestBrowser.page.request.get("/api/v1/me")).json()).toMatchObject({
    activeOrganization: { id: owner.organization.id, role: "MEMBER" },
  });

  // The choice belongs to the session: a reload stays in the organisation switched to.
  await guestBrowser.page.reload();
  await expect(pageHeading(guestBrowser.page)).toHaveText(owner.organization.name);
  await guestBrowser.context.close();

  // The owner sees the guest as a member.
  await page.goto("/settings/members");
  await expect(page.getByRole("combobox", { name: `Role for ${guest.name}` })).toHaveText("Member");
});

test("an admin invites and revokes, but cannot make owners, change roles or remove members", async ({ page, browser, signUp }) => {
  test.slow(); // two browsers, two accounts
  const owner = await signUp(page, { kind: "PARTNER" });
  const admin = await otherBrowser(browser);
  const adminAccount = await register(admin.page, { kind: "STUDIO" });
  const link = await inviteMember(page, adminAccount.email, "Admin");
  await logIn(admin.page, adminAccount);
  await admin.page.goto(link);
  await admin.page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(pageHeading(admin.page)).toHaveText(owner.organization.name);

  await admin.page.goto("/settings/members");
  await expect(admin.page.getByText("As an admin you can invite people and revoke invitations.")).toBeVisible();
  await expect(admin.page.getByRole("combobox", { name: /^Role for / })).toHaveCount(0);
  await expect(admin.page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await admin.page.getByRole("button", { name: "Invite member" }).click();
  await admin.page.getByRole("dialog").getByLabel("Role", { exact: true }).click();
  await expect(admin.page.getByRole("option")).toHaveText(["Admin", "Member", "Viewer"]);
  // One Escape closes the role list, the next the dialog: wait in between, or the second can land
  // on the closing list and leave the dialog open.
  await admin.page.keyboard.press("Escape");
  await expect(admin.page.getByRole("option")).toHaveCount(0);
  await admin.page.keyboard.press("Escape");
  await expect(admin.page.getByRole("dialog")).toBeHidden();

  // The admin invites someone, thinks better of it and revokes the invitation: the link stops working.
  const withdrawnEmail = uniqueEmail("withdrawn");
  const withdrawnLink = await inviteMember(admin.page, withdrawnEmail, "Viewer");
  await admin.page.getByRole("button", { name: `Revoke invitation for ${withdrawnEmail}` }).click();
  await admin.page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
  await expect(admin.page.getByText("Invitation revoked")).toBeVisible();
  await expect(admin.page.getByRole("button", { name: `Revoke invitation for ${withdrawnEmail}` })).toHaveCount(0);
  await admin.context.close();

  await page.goto(withdrawnLink);
  await expect(page.getByTestId("invitation-state")).toHaveAttribute("data-status", "REVOKED");
});
