/**
 * Settings → Notifications: a person reaches the page from the user menu, changes how they hear
 * of a kind of event in English and in Chinese, and finds the choice kept (page and API).
 */
import { expect, test } from "./support/fixtures";
import { chooseLanguage } from "./support/journeys";

test("a person changes notification preferences in English and in Chinese", async ({ page, signUp }) => {
  test.slow(); // sign-up, two saves with reloads, a language switch
  await signUp(page, { kind: "PARTNER" });

  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Notification settings" }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();

  const proposedEmail = page.getByRole("combobox", { name: "E-mail for “A deal is proposed to you”" });
  await expect(proposedEmail).toHaveValue("IMMEDIATE");
  await proposedEmail.selectOption({ label: "Daily digest" });
  const receiptsInApp = page.getByRole("checkbox", { name: "Show “A receipt is recorded” in the app" });
  await expect(receiptsInApp).toBeChecked();
  await receiptsInApp.uncheck();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Notification preferences saved.")).toBeVisible();

  await page.reload();
  await expect(proposedEmail).toHaveValue("DAILY_DIGEST");
  await expect(receiptsInApp).not.toBeChecked();
  const api = await page.request.get("/api/v1/me/notification-preferences");
  expect(api.status()).toBe(200);
  const items: { kind: string; email: string; inApp: boolean }[] = (await api.json()).items;
  expect(items.find((i) => i.kind === "DEAL_PROPOSED")).toEqual({ kind: "DEAL_PROPOSED", email: "DAILY_DIGEST", inApp: true });
  expect(items.find((i) => i.kind === "RECEIPT_RECORDED")).toMatchObject({ inApp: false });

  await chooseLanguage(page, "简体中文");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "通知设置" }).click();
  await expect(page.getByRole("heading", { name: "通知", level: 1 })).toBeVisible();
  // The English choice reads in Chinese; a reminder is switched off by e-mail.
  await expect(page.getByRole("combobox", { name: "“有交易向您提议”的电子邮件" })).toHaveValue("DAILY_DIGEST");
  const instalments = page.getByRole("combobox", { name: "“保底金分期付款”的电子邮件" });
  await instalments.selectOption({ label: "关闭" });
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("通知设置已保存。")).toBeVisible();

  await page.reload();
  await expect(instalments).toHaveValue("OFF");
  const after: { kind: string; email: string }[] = (await (await page.request.get("/api/v1/me/notification-preferences")).json()).items;
  expect(after.find((i) => i.kind === "MG_INSTALMENT")).toEqual({ kind: "MG_INSTALMENT", email: "OFF", inApp: true });
});
