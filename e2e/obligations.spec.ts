/**
 * The obligations calendar, as a studio's licensing manager uses it: a signed deal's MG instalment
 * falls due today; the dashboard's "Due in the next 7 days" card lists it, the calendar shows it in
 * the agenda and on its day in the month grid (and hides it when filtered to another kind), the
 * deal page lists it, and a private feed address is created; then the same in Chinese.
 */
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { createListedTitle, signViaApi } from "./support/deals";
import { expect, test } from "./support/fixtures";
import { chooseLanguage, otherBrowser, pageHeading } from "./support/journeys";

/** A calendar date in an IANA zone ("YYYY-MM-DD"). */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());

/** A USD deal for one title (Thailand SVOD, 2027) whose MG of 1,000.00 is one instalment due on `dueDate`; signed by both. */
async function signedDealDue(
  studio: APIRequestContext,
  partner: APIRequestContext,
  licenseeId: string,
  titleId: string,
  name: string,
  dueDate: string,
) {
  const created = await studio.post("/api/v1/deals", {
    data: {
      name,
      licenseeId,
      currency: "USD",
      terms: {
        minimumGuarantee: { amount: "1000.00", currency: "USD" },
        instalments: [{ amount: { amount: "1000.00", currency: "USD" }, trigger: "DATE", dueDate }],
      },
    },
  });
  expect(created.status(), `create deal: ${await created.text()}`).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const grant = await studio.post(`/api/v1/deals/${id}/grants`, {
    data: { titleId, territories: ["TH"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: true },
  });
  expect(grant.status(), `add grant: ${await grant.text()}`).toBe(201);
  const proposed = await studio.post(`/api/v1/deals/${id}/propose`);
  expect(proposed.status(), `propose: ${await proposed.text()}`).toBe(200);
  await signViaApi(partner, id);
  expect(await signViaApi(studio, id)).toBe("SIGNED");
  return id;
}

/** Picks an option of a labelled filter select on the calendar and waits for the URL to carry it. */
async function filterBy(page: Page, label: string, option: string, param: RegExp) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect(page).toHaveURL(param);
}

test("a studio sees an instalment due today on its dashboard, calendar and deal page, in English and in Chinese", async ({
  page,
  browser,
  signUp,
}) => {
  test.slow(); // two sign-ups, a signed deal, about a dozen page loads
  await signUp(page, { kind: "STUDIO" }); // CN: the studio's dates are Asia/Shanghai's
  const suffix = Math.random().toString(36).slice(2, 8);
  const titleId = await createListedTitle(page.request, `Jade Harbour ${suffix}`);
  const partnerBrowser = await otherBrowser(browser);
  const partner = await signUp(partnerBrowser.page, { kind: "PARTNER" });
  const dealName = `Jade Harbour ${suffix} · Thailand SVOD`;
  const today = todayIn("Asia/Shanghai");
  const dealId = await signedDealDue(page.request, partnerBrowser.page.request, partner.organization.id, titleId, dealName, today);
  await partnerBrowser.context.close();
  const instalment = (scope: Page | Locator) =>
    scope.locator("[data-testid=obligation][data-kind=MG_INSTALMENT]").filter({ hasText: dealName });

  // The dashboard: due in the next 7 days, owed to us, 1,000 USD.
  await page.goto("/dashboard");
  const due = page.getByTestId("obligations-due");
  await expect(due.getByRole("link", { name: "Due in the next 7 days" })).toBeVisible();
  await expect(due.getByTestId("count")).toHaveText("1");
  await expect(instalment(due)).toContainText("MG instalment");
  await expect(instalment(due)).toContainText("Owed to us");
  await expect(instalment(due)).toContainText("$1,000.00");
  await expect(page.getByTestId("obligations-overdue").getByTestId("count")).toHaveText("0");

  // The calendar: the card's link opens the agenda of what is due.
  await due.getByRole("link", { name: "Open the calendar" }).click();
  await expect(page).toHaveURL(/\/obligations\?status=DUE$/);
  await expect(pageHeading(page)).toHaveText("Calendar");
  await expect(page.getByTestId("agenda-view")).toBeVisible();
  await expect(instalment(page)).toContainText("Due");
  await expect(page.getByTestId("kind-legend")).toContainText("Revenue statement");

  // The month grid shows it on today's cell; another kind's filter hides it, its own shows it again.
  await page.getByRole("link", { name: "Month", exact: true }).click();
  await expect(page).toHaveURL(/view=month/);
  const todayCell = page.locator(`[data-testid=month-view] td[data-date="${today}"]`);
  await expect(todayCell).toHaveAttribute("aria-current", "date");
  await expect(todayCell.getByRole("link", { name: new RegExp(`MG instalment · ${dealName}`) })).toBeVisible();
  await filterBy(page, "Kind", "Revenue statement", /kind=STATEMENT/);
  await expect(page.getByTestId("month-view").getByTestId("obligation")).toHaveCount(0);
  await filterBy(page, "Kind", "MG instalment", /kind=MG_INSTALMENT/);
  await expect(todayCell.getByTestId("obligation")).toHaveCount(1);

  // A private feed address for a calendar app, shown once; it answers an iCalendar document.
  const feed = page.getByTestId("calendar-feed");
  await feed.getByRole("button", { name: "Create a feed address" }).click();
  const address = feed.getByRole("textbox", { name: "Calendar feed" });
  await expect(address).toHaveValue(/\/api\/v1\/obligations\.ics\?token=rbcal_/);
  const ics = await page.request.get(new URL(await address.inputValue()).pathname + new URL(await address.inputValue()).search);
  expect(ics.status()).toBe(200);
  expect(await ics.text()).toContain(`MG_INSTALMENT.${dealId}.0`);
  await expect(feed.getByRole("button", { name: "Create a new address" })).toBeVisible();

  // The deal page lists its own obligations.
  await page.goto(`/deals/${dealId}`);
  const dealObligations = page.getByTestId("deal-obligations");
  await expect(dealObligations.getByRole("heading", { name: "Obligations" })).toBeVisible();
  await expect(dealObligations.locator("[data-kind=MG_INSTALMENT]")).toContainText("$1,000.00");
  await expect(dealObligations.locator("[data-kind=STATEMENT]")).toHaveCount(4);
  await expect(dealObligations.locator("[data-kind=RIGHTS_EXPIRY]")).toHaveCount(1);

  // In Chinese: the deal page, the dashboard card, the calendar.
  await chooseLanguage(page, "简体中文");
  await expect(dealObligations.getByRole("heading", { name: "履约事项" })).toBeVisible();
  await expect(dealObligations.locator("[data-kind=MG_INSTALMENT]")).toContainText("保底金分期款");
  await expect(dealObligations.locator("[data-kind=MG_INSTALMENT]")).toContainText("即将到期");
  await page.goto("/dashboard");
  const dueZh = page.getByTestId("obligations-due");
  await expect(dueZh.getByRole("link", { name: "未来 7 天内到期" })).toBeVisible();
  await expect(instalment(dueZh)).toContainText("对方应履行");
  await dueZh.getByRole("link", { name: "打开日历" }).click();
  await expect(pageHeading(page)).toHaveText("日历");
  await expect(instalment(page)).toContainText("保底金分期款");
  await page.getByRole("link", { name: "月视图", exact: true }).click();
  await expect(todayCell.getByRole("link", { name: new RegExp(`保底金分期款 · ${dealName}`) })).toBeVisible();
  await filterBy(page, "类型", "授权到期", /kind=RIGHTS_EXPIRY/);
  await expect(page.getByTestId("month-view").getByTestId("obligation")).toHaveCount(0);
});
