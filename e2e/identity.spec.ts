/**
 * Identity journey (issue 11), in English and in Chinese, with e-mail that really arrives (an SMTP
 * server started by global-setup.ts): register → verify by the e-mailed link → accept an invitation
 * from its e-mail → forget the password → reset it from the e-mailed link → log in with the new one.
 */
import { messages } from "../messages";
import { expect, register, test, uniqueEmail } from "./support/fixtures";
import { linkPath, waitForMail } from "./support/mail";

const SUBJECTS = {
  en: { verify: /Confirm your e-mail address/, invite: /invited you to/, reset: /Reset your Rightsbridge password/ },
  zh: { verify: /请确认您在 Rightsbridge 的电子邮件地址/, invite: /邀请您加入/, reset: /重置您的 Rightsbridge 密码/ },
} as const;
const COUNTRY = { en: "China", zh: "中国" } as const;

for (const locale of ["en", "zh"] as const) {
  test(`register, verify, accept an invitation and reset the password from e-mails (${locale})`, async ({ browser, page }) => {
    test.slow(); // a whole first week in one go
    const m = messages[locale];
    const baseURL = test.info().project.use.baseURL as string;
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
    const email = uniqueEmail(`identity.${locale}`);
    const password = "first-password-2026!";
    const newPassword = "second-password-2026!";
    const orgName = `Identity ${locale} ${email.split("@")[0]?.slice(-6)}`;

    // Register through the form.
    await page.goto("/register");
    await page.getByLabel(m.auth.fields.name).fill(locale === "zh" ? "王芳" : "Wang Fang");
    await page.getByLabel(m.auth.fields.email, { exact: true }).fill(email);
    await page.getByLabel(m.auth.fields.password, { exact: true }).fill(password);
    await page.getByLabel(m.auth.fields.organizationName).fill(orgName);
    await page.getByRole("radio", { name: m.auth.register.kindStudio, exact: true }).click();
    await page.getByLabel(m.auth.fields.homeCountry).first().click();
    await page.getByLabel(m.auth.country.search).fill(COUNTRY[locale]);
    await page.getByRole("option", { name: COUNTRY[locale], exact: true }).click();
    await page.getByRole("button", { name: m.auth.register.submit }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    const banner = page.getByTestId("verify-email-banner");
    await expect(banner).toContainText(m.identity.banner.title);

    // Verify by the e-mailed link (in the person's language).
    const verifyMail = await waitForMail(email, SUBJECTS[locale].verify);
    expect(verifyMail.html).toContain("/verify-email/");
    await page.goto(linkPath(verifyMail, "/verify-email/"));
    await page.getByRole("button", { name: m.identity.verify.submit }).click();
    await expect(page.getByTestId("email-verified")).toContainText(email);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(orgName);
    await expect(banner).toBeHidden();

    // Another studio invites this person; they accept from the invitation e-mail.
    const inviterContext = await browser.newContext({ baseURL });
    const inviterPage = await inviterContext.newPage();
    const inviter = await register(inviterPage, { kind: "STUDIO" });
    await inviterPage.goto("/login");
    await inviterPage.getByLabel("Email", { exact: true }).fill(inviter.email);
    await inviterPage.getByLabel("Password", { exact: true }).fill(inviter.password);
    await inviterPage.getByRole("button", { name: "Log in" }).click();
    await inviterPage.waitForURL(/\/dashboard$/);
    const invited = await inviterPage.request.post("/api/v1/invitations", { data: { email, role: "MEMBER" } });
    expect(invited.status()).toBe(201);
    expect(await invited.json()).not.toHaveProperty("token");
    await inviterContext.close();

    const inviteMail = await waitForMail(email, SUBJECTS[locale].invite);
    expect(inviteMail.text).toContain(inviter.organization.name);
    await page.goto(linkPath(inviteMail, "/invite/"));
    await page.getByRole("button", { name: m.invitations.accept.button }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(inviter.organization.name);

    // Forgot the password: ask for a link while signed out, in another browser.
    const signedOut = await browser.newContext({ baseURL });
    await signedOut.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
    const resetPage = await signedOut.newPage();
    await resetPage.goto("/login");
    await resetPage.getByRole("link", { name: m.identity.forgot.link }).click();
    await expect(resetPage).toHaveURL(/\/forgot-password$/);
    await resetPage.getByLabel(m.auth.fields.email, { exact: true }).fill(email);
    await resetPage.getByRole("button", { name: m.identity.forgot.submit }).click();
    await expect(resetPage.getByTestId("reset-link-sent")).toContainText(email);

    const resetMail = await waitForMail(email, SUBJECTS[locale].reset);
    await resetPage.goto(linkPath(resetMail, "/reset-password/"));
    await resetPage.getByLabel(m.identity.reset.password).fill(newPassword);
    await resetPage.getByRole("button", { name: m.identity.reset.submit }).click();
    await expect(resetPage.getByTestId("password-reset-done")).toBeVisible();

    // Every session ended: the first browser is signed out.
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);

    // The old password no longer works; the new one does.
    await resetPage.getByRole("link", { name: m.identity.reset.login }).click();
    await resetPage.getByLabel(m.auth.fields.email, { exact: true }).fill(email);
    await resetPage.getByLabel(m.auth.fields.password, { exact: true }).fill(password);
    await resetPage.getByRole("button", { name: m.auth.login.submit }).click();
    await expect(resetPage.getByTestId("login-error")).toHaveText(m.auth.login.wrongCredentials);
    await resetPage.getByLabel(m.auth.fields.password, { exact: true }).fill(newPassword);
    await resetPage.getByRole("button", { name: m.auth.login.submit }).click();
    await expect(resetPage).toHaveURL(/\/dashboard$/);
    // A reset link proves the mailbox too; the address stays verified.
    await expect(resetPage.getByTestId("verify-email-banner")).toBeHidden();
    await signedOut.close();
  });
}
