/**
 * Statement journeys, as new users try them in a browser: a partner uploads a revenue statement
 * (CSV) for a signed deal, the studio — switching to Chinese — reads the waterfall, accepts the
 * statement, records an MG receipt and sees its creator-first split, then reads the balance and the
 * outcomes page; a partner typing a statement sees its mistakes on the line and field they concern.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { createListedTitle, signViaApi } from "./support/deals";
import { expect, test } from "./support/fixtures";
import { chooseLanguage, otherBrowser, pageHeading } from "./support/journeys";

function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/**
 * A USD deal licensing one title in Thailand (SVOD, 2027) with an MG of 1,000.00 in one
 * instalment, a 20% distribution fee, and a 10% creators' pool shared 60/40; signed by both.
 */
async function signedDeal(studio: APIRequestContext, partner: APIRequestContext, licenseeId: string, titleId: string, name: string) {
  const created = await studio.post("/api/v1/deals", {
    data: {
      name,
      licenseeId,
      currency: "USD",
      terms: {
        minimumGuarantee: { amount: "1000.00", currency: "USD" },
        instalments: [{ amount: { amount: "1000.00", currency: "USD" }, trigger: "SIGNATURE" }],
        distributionFeePct: "20",
        creatorParticipationPct: "10",
        participants: [
          { name: "Lin Wei", role: "Director", share: "60" },
          { name: "Mei Chen", role: "Writer", share: "40" },
        ],
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

async function openDealSection(page: Page, dealId: string, link: RegExp) {
  await page.goto(`/deals/${dealId}`);
  await expect(page.getByRole("navigation", { name: /^(Deal sections|交易栏目)$/ })).toBeVisible();
  await page
    .getByRole("navigation", { name: /^(Deal sections|交易栏目)$/ })
    .getByRole("link", { name: link })
    .click();
}

test("a partner uploads a statement, the studio accepts it in Chinese, records a receipt and sees the split", async ({
  page,
  browser,
  signUp,
}) => {
  test.slow(); // two browsers, upload, decision, receipt
  const studio = await signUp(page, { kind: "STUDIO" });
  const titleName = `Jade River ${suffix()}`;
  const titleId = await createListedTitle(page.request, titleName);
  const partnerBrowser = await otherBrowser(browser);
  const p = partnerBrowser.page;
  const partner = await signUp(p, { kind: "PARTNER" });
  const dealName = `${titleName} · Thailand SVOD 2027`;
  const dealId = await signedDeal(page.request, p.request, partner.organization.id, titleId, dealName);

  // The partner opens the deal's statements and uploads a CSV for the first quarter.
  await openDealSection(p, dealId, /^Statements$/);
  await expect(pageHeading(p)).toHaveText("Revenue statements");
  await expect(p.getByText("No statements on this deal yet")).toBeVisible();
  await p.getByRole("link", { name: "New statement" }).first().click();
  await expect(pageHeading(p)).toHaveText("New revenue statement");
  await p.getByRole("tab", { name: "Upload a file" }).click();
  const upload = p.getByRole("form", { name: "Upload a statement file" });
  const template = await p.request.get(`/api/v1/deals/${dealId}/statements/import/template`);
  expect(await template.text()).toContain(titleId);
  await upload.getByLabel("Period start").fill("2027-01-01");
  await upload.getByLabel("Period end").fill("2027-03-31");
  const csv = [
    "titleId,territory,mediaRight,revenueType,gross,currency",
    `${titleId},TH,SVOD,STREAMING,2500.00,USD`,
    `${titleId},TH,SVOD,ADVERTISING,500.00,USD`,
  ].join("\r\n");
  await upload.getByLabel("File").setInputFiles({ name: "q1-2027.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await upload.getByRole("button", { name: "Check file" }).click();
  const preview = p.getByTestId("upload-preview");
  await expect(preview).toContainText("2 lines are ready");
  await expect(preview).toContainText("$3,000.00");
  await preview.getByRole("button", { name: "Submit 2 lines" }).click();
  await p.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
  const statementUrl = new URL(p.url()).pathname;
  await expect(pageHeading(p)).toHaveText("Statement Jan 1, 2027 – Mar 31, 2027");
  await expect(p.getByTestId("statement-headline")).toContainText(`Waiting for ${studio.organization.name}`);
  await expect(p.getByTestId("review-actions")).toHaveCount(0);

  // The studio finds it among the statements it received and reads the waterfall in Chinese.
  await page.goto("/statements");
  await expect(pageHeading(page)).toHaveText("Statements");
  const row = page.getByRole("row").filter({ hasText: dealName });
  await expect(row).toContainText("Received");
  await expect(row).toContainText("Submitted");
  await chooseLanguage(page, "简体中文");
  await expect(pageHeading(page)).toHaveText("收益报表");
  await expect(row).toContainText("已提交");
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`${statementUrl}$`));
  await expect(page.getByTestId("statement-headline")).toHaveText("等待您的决定：接受，或说明理由提出异议。");
  const waterfall = page.getByTestId("waterfall");
  await expect(waterfall.getByRole("heading", { name: "分账瀑布" })).toBeVisible();
  // G 3,000.00; F = 20% = 600.00; no cap: E 0; N = S = 2,400.00; O = 2,400.00 − 1,000.00 MG.
  await expect(page.getByTestId("cumulative-gross")).toHaveText("US$3,000.00");
  await expect(page.getByTestId("cumulative-fee")).toHaveText("US$600.00");
  await expect(page.getByTestId("cumulative-expenses")).toHaveText("US$0.00");
  await expect(page.getByTestId("cumulative-net")).toHaveText("US$2,400.00");
  await expect(page.getByTestId("cumulative-licensorShare")).toHaveText("US$2,400.00");
  await expect(page.getByTestId("cumulative-overage")).toHaveText("US$1,400.00");
  await expect(page.getByTestId("period-overage")).toHaveText("+US$1,400.00");
  await expect(page.getByTestId("recoupment-chart")).toBeVisible();
  await page.getByRole("tab", { name: "按收入类型" }).click();
  await expect(page.getByRole("table", { name: "按收入类型" })).toContainText("流媒体");
  await expect(page.getByRole("table", { name: "按收入类型" })).toContainText("US$2,500.00");

  // It accepts the statement: final from now on, no more buttons.
  await page.getByRole("button", { name: "接受", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "接受报表" }).click();
  await expect(page.getByTestId("statement-headline")).toContainText("已于");
  await expect(page.getByTestId("review-actions")).toHaveCount(0);

  // The partner sees the decision.
  await p.reload();
  await expect(p.getByTestId("statement-headline")).toContainText("Accepted on");

  // Receipts: the studio records the MG instalment and sees its creator-first split.
  await openDealSection(page, dealId, /^收款$/);
  await expect(pageHeading(page)).toHaveText("收款");
  await expect(page.getByTestId("balance-mg-contracted")).toContainText("US$1,000.00");
  await expect(page.getByTestId("balance-overage-due")).toContainText("US$1,400.00");
  const form = page.getByRole("form", { name: "登记收款" });
  await expect(form.getByRole("radio", { name: "保底金分期" })).toBeChecked();
  await expect(form.getByLabel("分期", { exact: true })).toContainText("尚有 US$1,000.00 未付");
  // More than is open is refused on the amount, before anything is sent.
  await form.getByLabel("金额（USD）").fill("1000.01");
  await form.getByLabel("收款日期").click();
  await expect(form.getByText("超出了尚未支付的 US$1,000.00。")).toBeVisible();
  await form.getByLabel("金额（USD）").fill("1000.00");
  await form.getByRole("button", { name: "登记收款" }).click();
  const split = page.getByTestId("receipt-recorded");
  await expect(split).toContainText("已登记并分配 US$1,000.00");
  await expect(split.getByTestId("split-creators-total")).toContainText("US$100.00");
  await expect(split.getByTestId("split-creator").filter({ hasText: "Lin Wei" })).toContainText("US$60.00");
  await expect(split.getByTestId("split-creator").filter({ hasText: "Mei Chen" })).toContainText("US$40.00");
  await expect(split.getByTestId("split-facility")).toContainText("US$0.00");
  await expect(split.getByTestId("split-studio")).toContainText("US$900.00");
  await expect(page.getByTestId("balance-mg-received")).toContainText("US$1,000.00");
  const receipts = page.getByRole("table", { name: "收款" });
  await expect(receipts).toContainText("保底金分期");
  await expect(receipts).toContainText("Lin Wei · US$60.00");

  // Creator statements add the creators' parts up by quarter and export as CSV.
  await openDealSection(page, dealId, /^创作者报表$/);
  await expect(page.getByTestId("creators-grand-total")).toHaveText("US$100.00");
  const csvHref = await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
  const exported = await page.request.get(csvHref as string);
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toMatch(/Lin Wei,Director,\d{4}-Q\d,.*,1,60\.00,USD/);

  // The licensee sees the receipt as recorded, read-only.
  await p.goto(`/deals/${dealId}/receipts`);
  await expect(p.getByTestId("balance-mg-received")).toContainText("$1,000.00");
  await expect(p.getByRole("form", { name: "Record a receipt" })).toHaveCount(0);

  // The outcomes page (in USD: no FX needed) counts the cross-border receipt.
  await page.goto("/outcomes?currency=USD");
  await expect(pageHeading(page)).toBeVisible();
  await expect(page.locator("main")).toContainText("US$1,000.00");
  await partnerBrowser.context.close();
});

test("a partner typing a statement sees each mistake on its line and field, then corrects an accepted statement", async ({
  page,
  browser,
  signUp,
}) => {
  test.slow();
  const studioBrowser = await otherBrowser(browser);
  const studio = await signUp(studioBrowser.page, { kind: "STUDIO" });
  const titleName = `Silver Lantern ${suffix()}`;
  const titleId = await createListedTitle(studioBrowser.page.request, titleName);
  const partner = await signUp(page, { kind: "PARTNER" });
  const dealId = await signedDeal(studioBrowser.page.request, page.request, partner.organization.id, titleId, `${titleName} · TH`);

  await page.goto(`/deals/${dealId}/statements/new`);
  await expect(pageHeading(page)).toHaveText("New revenue statement");
  const form = page.getByRole("form", { name: "Statement" });
  await form.getByLabel("Period start").fill("2027-04-01");
  await form.getByLabel("Period end").fill("2027-03-31");
  await form.getByLabel("Title, line 1").selectOption({ label: titleName });
  await form.getByLabel("Country, line 1").selectOption("TH");
  await form.getByLabel("Media right, line 1").selectOption("SVOD");
  await form.getByLabel("Revenue type, line 1").selectOption("BOX_OFFICE");
  // Three decimals for US dollars: refused on the field as you type.
  await form.getByLabel("Gross in USD, line 1").fill("10.005");
  await form.getByLabel("Gross in USD, line 1").blur();
  await expect(form.getByText("USD amounts have at most 2 decimals.")).toBeVisible();
  await form.getByLabel("Gross in USD, line 1").fill("1200.50");
  await expect(form.getByText("USD amounts have at most 2 decimals.")).toHaveCount(0);
  await form.getByRole("button", { name: "Add line" }).click();
  await form.getByLabel("Title, line 2").selectOption({ label: titleName });
  await form.getByLabel("Country, line 2").selectOption("TH");
  await form.getByLabel("Media right, line 2").selectOption("SVOD");
  await form.getByLabel("Revenue type, line 2").selectOption("STREAMING");
  await form.getByLabel("Gross in USD, line 2").fill("99.50");
  await expect(form.getByTestId("form-total")).toHaveText("$1,300.00");
  await form.getByRole("button", { name: "Submit statement" }).click();
  await expect(form.getByText("The period ends before it starts.")).toBeVisible();
  await form.getByLabel("Period end").fill("2027-06-30");
  await form.getByRole("button", { name: "Submit statement" }).click();
  await page.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
  const first = new URL(page.url()).pathname;
  await expect(page.getByTestId("statement-gross")).toHaveText("$1,300.00");

  // A second statement for an overlapping period is refused by the server, on the period.
  await page.goto(`/deals/${dealId}/statements/new`);
  await form.getByLabel("Period start").fill("2027-06-01");
  await form.getByLabel("Period end").fill("2027-08-31");
  await form.getByLabel("Title, line 1").selectOption({ label: titleName });
  await form.getByLabel("Country, line 1").selectOption("TH");
  await form.getByLabel("Media right, line 1").selectOption("SVOD");
  await form.getByLabel("Revenue type, line 1").selectOption("STREAMING");
  await form.getByLabel("Gross in USD, line 1").fill("10.00");
  await form.getByRole("button", { name: "Submit statement" }).click();
  await expect(form.getByRole("alert").filter({ hasText: /overlaps/ })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/deals/${dealId}/statements/new$`));

  // The correction supersedes the first statement, which then links to it and stops counting.
  await page.goto(first);
  await page.getByRole("link", { name: "Send a correction" }).click();
  await expect(form.getByLabel("Corrects")).not.toHaveValue("");
  await form.getByLabel("Period start").fill("2027-04-01");
  await form.getByLabel("Period end").fill("2027-06-30");
  await form.getByLabel("Title, line 1").selectOption({ label: titleName });
  await form.getByLabel("Country, line 1").selectOption("TH");
  await form.getByLabel("Media right, line 1").selectOption("SVOD");
  await form.getByLabel("Revenue type, line 1").selectOption("STREAMING");
  await form.getByLabel("Gross in USD, line 1").fill("1400.00");
  await form.getByRole("button", { name: "Submit statement" }).click();
  await page.waitForURL((url) => /\/statements\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== first);
  await expect(page.getByTestId("supersedes")).toContainText("Apr 1, 2027 – Jun 30, 2027");
  await page.getByTestId("supersedes").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${first}$`));
  await expect(page.getByTestId("statement-headline")).toHaveText("A later statement corrects this one; it no longer counts.");
  await expect(page.getByTestId("superseded-by")).toBeVisible();

  // The studio outside this partner's view: another studio cannot open the statement.
  const outsider = await otherBrowser(browser);
  await signUp(outsider.page, { kind: "STUDIO" });
  const response = await outsider.page.goto(first);
  expect(response?.status()).toBe(404);
  expect(studio.organization.id).not.toBe(partner.organization.id);
  await outsider.context.close();
  await studioBrowser.context.close();
});
