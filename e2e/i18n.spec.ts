/**
 * English and Simplified Chinese: the language switch persists (cookie) across reloads and pages,
 * and a Chinese-speaking newcomer can sign up, log in and invite a colleague entirely in Chinese.
 */
import { expect, test, uniqueEmail } from "./support/fixtures";
import { chooseLanguage, mainNavigation, pageHeading } from "./support/journeys";

test("the language switch persists across reloads and pages, and switches back", async ({ page, signUp }) => {
  test.slow(); // five pages in two languages
  const account = await signUp(page, { kind: "STUDIO" });
  await expect(page.locator("html")).toHaveAttribute("lang", /^en/);
  await expect(mainNavigation(page).getByRole("link", { name: "Members" })).toBeVisible();

  await chooseLanguage(page, "简体中文");
  await expect(mainNavigation(page).getByRole("link", { name: "成员" })).toBeVisible();
  await expect(page.getByText("待接受的邀请")).toBeVisible(); // "Pending invitations" stat card
  await expect(pageHeading(page)).toHaveText(account.organization.name);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", /^zh/);
  await expect(mainNavigation(page).getByRole("link", { name: "概览" })).toBeVisible();
  await expect(page.getByTestId("locale-switcher")).toHaveAccessibleName("语言");

  await mainNavigation(page).getByRole("link", { name: "成员" }).click();
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(pageHeading(page)).toHaveText("成员");
  await expect(page.getByRole("button", { name: "邀请成员" })).toBeVisible();
  await expect(page.getByRole("table", { name: "成员" }).getByText("所有者")).toBeVisible(); // role "Owner"
  // Dates follow the language: "2026年5月1日"-style in Chinese.
  await expect(page.getByRole("table", { name: "成员" }).getByRole("cell", { name: /\d{4}年\d{1,2}月\d{1,2}日/ })).toBeVisible();

  await mainNavigation(page).getByRole("link", { name: "API 密钥" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(pageHeading(page)).toHaveText("API 密钥");
  await expect(page.getByRole("button", { name: "创建 API 密钥" })).toBeVisible();

  // A new tab of the same browser opens in Chinese too (the choice is a cookie, not page state).
  const secondTab = await page.context().newPage();
  await secondTab.goto("/settings/audit-log");
  await expect(secondTab.locator("html")).toHaveAttribute("lang", /^zh/);
  await expect(pageHeading(secondTab)).toHaveText("审计日志");
  await secondTab.close();

  await chooseLanguage(page, "English");
  await expect(pageHeading(page)).toHaveText("API keys");
  await expect(mainNavigation(page).getByRole("link", { name: "Members" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", /^en/);
  await expect(page.getByRole("button", { name: "Create API key" })).toBeVisible();
});

test("a newcomer signs up, logs in and invites a colleague in Chinese", async ({ page }) => {
  test.slow(); // the whole first-day journey in one go
  const email = uniqueEmail("zh");
  const password = "中文用户的密码-2026";
  const orgName = `金港影业 ${email.split("@")[0]?.slice(-6)}`;

  await page.goto("/register");
  await chooseLanguage(page, "简体中文");
  await expect(page.getByRole("heading", { name: "创建账户" })).toBeVisible();

  await page.getByLabel("您的姓名").fill("李伟");
  await page.getByLabel("邮箱", { exact: true }).fill(email);
  await page.getByLabel("密码", { exact: true }).fill("短密码");
  await expect(page.getByText("密码长度需为 12 到 128 个字符。")).toBeVisible();
  await page.getByLabel("密码", { exact: true }).fill(password);
  await expect(page.getByText("密码长度需为 12 到 128 个字符。")).toBeHidden();
  await page.getByLabel("组织名称").fill(orgName);
  await page.getByRole("radio", { name: "片方", exact: true }).click();
  await page.getByLabel("所在国家/地区").click();
  await page.getByLabel("搜索国家/地区").fill("中国");
  await page.getByRole("option", { name: "中国", exact: true }).click();
  await page.getByRole("button", { name: "创建账户" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(pageHeading(page)).toHaveText(orgName);
  await expect(page.locator("html")).toHaveAttribute("lang", /^zh/);

  // Log out and back in, still in Chinese.
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "退出登录", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "登录 Rightsbridge" })).toBeVisible();
  await page.getByLabel("邮箱", { exact: true }).fill(email);
  await page.getByLabel("密码", { exact: true }).fill("错误的密码-wrong-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("邮箱或密码错误。");
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(pageHeading(page)).toHaveText(orgName);

  // Invite a colleague as a viewer.
  const colleague = uniqueEmail("zh.colleague");
  await mainNavigation(page).getByRole("link", { name: "成员" }).click();
  await page.getByRole("button", { name: "邀请成员" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("邮箱", { exact: true }).fill(colleague);
  await dialog.getByLabel("角色", { exact: true }).click();
  await page.getByRole("option", { name: "只读成员", exact: true }).click();
  await dialog.getByRole("button", { name: "发送邀请" }).click();
  await expect(dialog.getByTestId("invitation-sent")).toContainText(`已发送至 ${colleague}`);
  await dialog.getByRole("button", { name: "完成" }).click();
  const row = page.getByRole("table", { name: "待接受的邀请" }).getByRole("row", { name: new RegExp(colleague) });
  await expect(row).toContainText("只读成员");
});
