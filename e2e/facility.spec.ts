/**
 * The advance facility as new users try it in a browser: a studio applies against its signed
 * cross-border deal and sees the eligible base and every limit before it submits; the demo
 * underwriter (OWNER of the demo facility) reviews and approves, and is refused the disbursement
 * with the four-eyes explanation; the disbursement officer (MEMBER) pays it once; the studio
 * records the licensee's MG receipt on the deal and sees the advance recoup to REPAID. A partner
 * gets 404 for the facility pages. The pages are also looked at in Chinese.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { expectNotFoundPage } from "./support/catalogue";
import { createListedTitle, signViaApi } from "./support/deals";
import { DEMO } from "./support/demo";
import { expect, logIn, test } from "./support/fixtures";
import { chooseLanguage, otherBrowser, pageHeading } from "./support/journeys";

const UNDERWRITER = DEMO.underwriter;
const OFFICER = DEMO.officer;
const UUID = /\/advances\/([0-9a-f-]{36})$/;

type Money = { amount: string; currency: string };

function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** "100000" whole units written with the currency's exact digits ("100000.00", "100000" for JPY). */
function units(whole: number, like: Money): string {
  const digits = like.amount.split(".")[1]?.length ?? 0;
  return digits === 0 ? String(whole) : `${whole}.${"0".repeat(digits)}`;
}

/** The facility a studio applies to (GET /api/v1/facility answers studios with it). */
async function facilityTerms(api: APIRequestContext): Promise<{ currency: string; maxPerDeal: Money; name: string }> {
  const response = await api.get("/api/v1/facility");
  expect(response.status(), `facility: ${await response.text()}`).toBe(200);
  return response.json();
}

/**
 * A deal the studio licenses out to the partner, in the facility's currency, with an MG of
 * 100,000 paid in one instalment at signature; signed by both (through the API: the subject of
 * this spec is the advance, not the deal).
 */
async function signedDeal(studio: APIRequestContext, partner: APIRequestContext, partnerOrgId: string, currency: string, mg: string) {
  const title = `Jade River ${suffix()}`;
  const titleId = await createListedTitle(studio, title);
  const name = `${title} · Thailand SVOD 2027`;
  const created = await studio.post("/api/v1/deals", {
    data: {
      name,
      licenseeId: partnerOrgId,
      currency,
      terms: { minimumGuarantee: { amount: mg, currency }, instalments: [{ amount: { amount: mg, currency }, trigger: "SIGNATURE" }] },
    },
  });
  expect(created.status(), `create deal: ${await created.text()}`).toBe(201);
  const dealId = ((await created.json()) as { id: string }).id;
  const grant = await studio.post(`/api/v1/deals/${dealId}/grants`, {
    data: { titleId, territories: ["TH"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: true },
  });
  expect(grant.status(), `add grant: ${await grant.text()}`).toBe(201);
  const proposed = await studio.post(`/api/v1/deals/${dealId}/propose`);
  expect(proposed.status(), `propose: ${await proposed.text()}`).toBe(200);
  await signViaApi(partner, dealId);
  expect(await signViaApi(studio, dealId)).toBe("SIGNED");
  return { dealId, name };
}

function limitRow(page: Page, rule: string) {
  return page.getByRole("table", { name: "Limits for the amount requested" }).locator(`tr[data-rule=${rule}]`);
}

test("a studio applies with every limit in view, the underwriter approves, another officer disburses once, a receipt recoups it", async ({
  page,
  browser,
  signUp,
}) => {
  test.slow(); // four people, a whole advance lifecycle
  await signUp(page, { kind: "STUDIO", homeCountry: "CN" });
  const partnerBrowser = await otherBrowser(browser);
  const partner = await signUp(partnerBrowser.page, { kind: "PARTNER", homeCountry: "TH" });
  const facility = await facilityTerms(page.request);
  const mg = units(100000, facility.maxPerDeal);
  const deal = await signedDeal(page.request, partnerBrowser.page.request, partner.organization.id, facility.currency, mg);

  // The signed cross-border deal offers the application, with the deal already chosen.
  await page.goto(`/deals/${deal.dealId}`);
  await page.getByTestId("apply-for-advance").getByRole("link", { name: "Apply for an advance" }).click();
  await expect(pageHeading(page)).toHaveText("Apply for an advance");
  await expect(page.getByRole("combobox", { name: "Deal" })).toContainText(deal.name);

  // Before anything is sent: the eligible base and the four limits with their numbers.
  const preview = page.getByTestId("eligibility-preview");
  await expect(preview.getByTestId("eligible-base-amount")).not.toBeEmpty();
  await expect(preview.getByTestId("eligible-base")).toContainText("MG contracted");
  for (const rule of ["ELIGIBLE_BASE", "MAX_PER_DEAL", "CAPACITY", "LICENSEE_CONCENTRATION"]) {
    await expect(limitRow(page, rule)).toBeVisible();
  }
  // More than the whole MG breaks the eligible base, and says by how much; the table follows the typing.
  await page.getByRole("textbox", { name: "Amount requested" }).fill(units(100001, facility.maxPerDeal));
  await expect(limitRow(page, "ELIGIBLE_BASE")).toHaveAttribute("data-ok", "false");
  await expect(limitRow(page, "ELIGIBLE_BASE")).toContainText("Over by");
  await expect(preview.getByTestId("eligibility-verdict")).toContainText("breaks at least one limit");
  const amount = units(10000, facility.maxPerDeal);
  await page.getByRole("textbox", { name: "Amount requested" }).fill(amount);
  await expect(limitRow(page, "ELIGIBLE_BASE")).toHaveAttribute("data-ok", "true");
  for (const rule of ["MAX_PER_DEAL", "CAPACITY", "LICENSEE_CONCENTRATION"]) {
    await expect(limitRow(page, rule)).toHaveAttribute("data-ok", "true");
  }
  await expect(preview.getByTestId("eligibility-verdict")).toContainText("within every limit");
  await page.getByLabel("Purpose").fill("Thai dubbing and subtitles, delivery in March.");
  await page.getByTestId("documents-input").setInputFiles({
    name: "payment-schedule.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
  });
  await expect(page.getByRole("list", { name: "Documents to upload" })).toContainText("payment-schedule.pdf");
  await page.getByRole("button", { name: "Submit application" }).click();
  await page.waitForURL(UUID);
  const advanceId = UUID.exec(new URL(page.url()).pathname)?.[1] as string;
  await expect(page.getByTestId("advance-status-summary")).toHaveText("Submitted: waiting for the facility to review it.");
  await expect(page.getByTestId("advance-documents")).toContainText("payment-schedule.pdf");

  // The underwriter finds it in the queue, reviews and approves it.
  const underwriter = await otherBrowser(browser);
  const u = underwriter.page;
  await logIn(u, UNDERWRITER);
  await u.goto("/advances?status=SUBMITTED");
  await u.getByRole("link", { name: deal.name }).click();
  await expect(u).toHaveURL(new RegExp(`/advances/${advanceId}$`));
  await u.getByRole("button", { name: "Start review" }).click();
  await u.getByRole("dialog").getByRole("button", { name: "Start review" }).click();
  await expect(u.getByTestId("advance-status-summary")).toHaveText("Under review by the facility.");
  await u.getByRole("button", { name: "Approve", exact: true }).click();
  const approve = u.getByRole("dialog", { name: "Approve the advance" });
  await expect(approve.getByLabel("Amount approved")).toHaveValue(amount);
  await approve.getByLabel("Conditions").fill("Countersigned payment schedule on file.");
  await approve.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(approve).toBeHidden();
  await expect(u.getByTestId("advance-status-summary")).toContainText("Approved for");
  await expect(u.getByTestId("decision-panel")).toContainText("Approved by Chen Mei (underwriter)");
  await expect(u.getByTestId("decision-panel")).toContainText("Countersigned payment schedule on file.");

  // Four-eyes: the approver's disburse button is refused and says why.
  await expect(u.getByTestId("disburse-refused")).toBeDisabled();
  await expect(u.getByTestId("four-eyes")).toContainText("You approved this advance, so you cannot disburse it");

  // The disbursement officer pays it, once.
  const officer = await otherBrowser(browser);
  const o = officer.page;
  await logIn(o, OFFICER);
  await o.goto(`/advances/${advanceId}`);
  await o.getByRole("button", { name: "Disburse" }).click();
  const disburse = o.getByRole("dialog", { name: "Disburse the advance" });
  await expect(disburse).toContainText("Approved by Chen Mei (underwriter)");
  // The bank's facts are required: an empty form names each field and pays nothing.
  await disburse.getByRole("button", { name: /^Pay / }).click();
  await expect(disburse).toContainText("Enter the bank's payment reference");
  await expect(disburse).toContainText("Enter the account the payment was made from");
  await disburse.getByLabel("Payment reference").fill("E2E-UETR-0001");
  await disburse.getByLabel("Value date").fill(new Date().toISOString().slice(0, 10));
  await disburse.getByLabel("Paying account").fill("Facility USD operating account");
  await disburse.getByRole("button", { name: /^Pay / }).dblclick();
  await expect(disburse).toBeHidden();
  await expect(o.getByTestId("advance-status-summary")).toContainText("Paid out.");
  const ledger = o.getByTestId("ledger-table");
  // A double click (and the same dialog's retry) carries one Idempotency-Key: one payment.
  await expect(ledger.locator("tr[data-kind=DISBURSEMENT]")).toHaveCount(1);
  await expect(ledger.locator("tr[data-kind=DISBURSEMENT]")).toContainText(/10[,.\s]?000/);
  await expect(ledger.locator("tr[data-kind=DISBURSEMENT]")).toContainText("E2E-UETR-0001");
  await expect(ledger.locator("tr[data-kind=DISBURSEMENT]")).toContainText("Facility USD operating account");
  await expect(o.getByTestId("balance-principal")).not.toHaveText(/^\D*0([.,]0+)?\D*$/);

  // The studio records the licensee's MG payment on the deal; the facility's share is swept.
  await page.goto(`/deals/${deal.dealId}/receipts`);
  const form = page.getByRole("form", { name: "Record a receipt" });
  await form.getByRole("combobox", { name: "Instalment" }).selectOption({ index: 1 });
  await form.getByLabel(`Amount (${facility.currency})`).fill(mg);
  await form.getByLabel("Received on").fill(new Date().toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Record receipt" }).click();
  await expect(page.getByTestId("receipt-split")).toBeVisible();

  // The advance has recouped: a RECOUPMENT entry, nothing owed, REPAID.
  await page.goto(`/advances/${advanceId}`);
  await expect(page.getByTestId("advance-status-summary")).toContainText("Repaid in full");
  await expect(page.getByTestId("ledger-table").locator("tr[data-kind=RECOUPMENT]")).toHaveCount(1);
  await expect(page.getByTestId("balance-owed")).toHaveText(/^\D*0([.,]0+)?\D*$/);
  await expect(page.getByTestId("advance-steps").locator('[data-state="done"]').last()).toContainText("Repaid");

  // The officer's queue agrees.
  await o.goto("/advances?status=REPAID");
  await expect(o.getByRole("link", { name: deal.name })).toBeVisible();

  for (const b of [partnerBrowser, underwriter, officer]) await b.context.close();
});

test("an approval above a limit is refused with each broken rule and its numbers; a lower amount is approved", async ({
  page,
  browser,
  signUp,
}) => {
  test.slow();
  await signUp(page, { kind: "STUDIO", homeCountry: "KR" });
  const partnerBrowser = await otherBrowser(browser);
  const partner = await signUp(partnerBrowser.page, { kind: "PARTNER", homeCountry: "BR" });
  const facility = await facilityTerms(page.request);
  const deal = await signedDeal(
    page.request,
    partnerBrowser.page.request,
    partner.organization.id,
    facility.currency,
    units(100000, facility.maxPerDeal),
  );
  // The studio may submit more than the limits allow (it saw them); the facility cannot approve it.
  const applied = await page.request.post("/api/v1/advances", {
    data: {
      dealId: deal.dealId,
      amount: { amount: units(80000, facility.maxPerDeal), currency: facility.currency },
      purpose: "Brazilian dub and launch.",
    },
  });
  expect(applied.status(), await applied.text()).toBe(201);
  const advanceId = ((await applied.json()) as { id: string }).id;
  expect((await page.request.post(`/api/v1/advances/${advanceId}/submit`)).status()).toBe(200);

  const underwriter = await otherBrowser(browser);
  const u = underwriter.page;
  await logIn(u, UNDERWRITER);
  await u.goto(`/advances/${advanceId}`);
  await u.getByRole("button", { name: "Start review" }).click();
  await u.getByRole("dialog").getByRole("button", { name: "Start review" }).click();
  await expect(u.getByTestId("advance-status-summary")).toHaveText("Under review by the facility.");
  await u.getByRole("button", { name: "Approve", exact: true }).click();
  const approve = u.getByRole("dialog", { name: "Approve the advance" });
  await approve.getByRole("button", { name: "Approve", exact: true }).click();
  const breaches = approve.getByTestId("approval-breaches");
  await expect(breaches).toContainText("The approval was refused");
  await expect(breaches.locator("li[data-rule=ELIGIBLE_BASE]")).toContainText(
    /Eligible base of the deal: .*80,000.* exceeds the limit of .*70,000/,
  );
  await expect(breaches.locator("li")).toHaveCount(1);
  await expect(u.getByTestId("advance-status-summary")).toHaveText("Under review by the facility.");
  // 70% of the MG is exactly the eligible base: allowed.
  await approve.getByLabel("Amount approved").fill(units(70000, facility.maxPerDeal));
  await approve.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(approve).toBeHidden();
  await expect(u.getByTestId("amount-approved")).toContainText("70,000");
  await expect(u.getByTestId("advance-status-summary")).toContainText("Approved for");
  for (const b of [partnerBrowser, underwriter]) await b.context.close();
});

test("a partner gets 404 for advances, the portfolio and the facility settings", async ({ page, signUp }) => {
  await signUp(page, { kind: "PARTNER" });
  await expectNotFoundPage(page, "/advances");
  await expectNotFoundPage(page, "/advances/new");
  await expectNotFoundPage(page, "/portfolio");
  await expectNotFoundPage(page, "/facility");
  // The API shows a partner nothing either.
  const api = await page.request.get("/api/v1/advances");
  if (api.status() === 200) expect(((await api.json()) as { items: unknown[] }).items).toHaveLength(0);
  else expect(api.status()).toBe(404);
});

test("a studio sees its own advances but never the portfolio", async ({ page, signUp }) => {
  await signUp(page, { kind: "STUDIO" });
  await page.goto("/advances");
  await expect(pageHeading(page)).toHaveText("Advances");
  await expectNotFoundPage(page, "/portfolio");
  await expectNotFoundPage(page, "/facility");
});

test("facility staff read the portfolio and the settings, in English and Chinese", async ({ page }) => {
  test.slow(); // six pages, each read in two languages
  await logIn(page, UNDERWRITER);
  await page.goto("/portfolio");
  await expect(pageHeading(page)).toHaveText("Portfolio");
  await expect(page.getByTestId("utilisation-gauge")).toBeVisible();
  await expect(page.getByTestId("status-counts")).toBeVisible();
  for (const tab of ["By studio", "By licensee", "By licensee country", "By genre", "By deal"]) {
    await expect(page.getByRole("tab", { name: tab, exact: true })).toBeVisible();
  }
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/^portfolio-byStudio-\d{4}-\d{2}-\d{2}\.csv$/);

  await page.goto("/facility");
  await expect(pageHeading(page)).toHaveText("Facility settings");
  await expect(page.getByLabel("Advance rate")).toBeEditable();

  await page.goto("/advances");
  await expect(pageHeading(page)).toHaveText("Advance applications");

  await chooseLanguage(page, "简体中文");
  await expect(pageHeading(page)).toHaveText("预付款申请");
  const first = page.getByRole("table", { name: "预付款申请" }).getByRole("link").first();
  if ((await first.count()) > 0) {
    await first.click();
    await expect(page.getByTestId("advance-status")).toContainText("状态");
  }
  await page.goto("/portfolio");
  await expect(pageHeading(page)).toHaveText("资产组合");
  await expect(page.getByRole("tab", { name: "按被许可方国家" })).toBeVisible();
  await page.goto("/facility");
  await expect(pageHeading(page)).toHaveText("资金方设置");
});

test("the settings, the portfolio and the dashboard name both utilisation figures and show the same numbers, in English and Chinese", async ({
  page,
}) => {
  test.slow(); // three pages, read again if another journey moves money meanwhile
  await logIn(page, UNDERWRITER);
  const number = (text: string) => Number(text.replace(/[^\d.]/g, ""));
  const read = async (path: string, names: [string, string]) => {
    await page.goto(path);
    const figures = page.getByTestId("utilisation-figures").first();
    await expect(figures).toContainText(names[0]);
    await expect(figures).toContainText(names[1]);
    return [
      number((await figures.getByTestId("utilisation-outstanding").textContent()) ?? ""),
      number((await figures.getByTestId("utilisation-with-reserved").textContent()) ?? ""),
    ];
  };
  const same = async (names: [string, string]) => {
    // Other journeys approve and disburse in parallel: read until one pass sees a single state.
    await expect(async () => {
      const api = (await (await page.request.get("/api/v1/facility")).json()) as {
        utilisationPct: string;
        utilisationWithReservedPct: string;
      };
      const expected = [Number(api.utilisationPct), Number(api.utilisationWithReservedPct)];
      expect(expected[1]).toBeGreaterThanOrEqual(expected[0]!);
      for (const path of ["/facility", "/portfolio", "/dashboard"]) expect(await read(path, names), path).toEqual(expected);
    }).toPass({ timeout: 60_000 });
  };
  await same(["Outstanding ÷ capacity", "(Outstanding + reserved) ÷ capacity"]);
  await chooseLanguage(page, "简体中文");
  await same(["未偿本金 ÷ 总额度", "（未偿本金 + 已预留）÷ 总额度"]);
});

// Both change the one demo facility's settings (optimistic versions): one after the other, in one worker.
test.describe("the demo facility's settings", () => {
  test.describe.configure({ mode: "default" });

  test("a facility owner changes a limit, sees it saved and in the audit log, and changes it back", async ({ page }) => {
    // Three saves, a reload, the audit log and the settings page again: its last step ran past the
    // default 30 s budget on a loaded machine (the page showed "Settings saved." when time ran out).
    test.slow();
    await logIn(page, UNDERWRITER);
    await page.goto("/facility");
    const field = page.getByRole("textbox", { name: "Per licensee" });
    // The form fills its fields once hydrated (react-hook-form): read the value only then.
    await expect(field).toHaveValue(/\d/);
    const before = await field.inputValue();
    const changed = before === "61" ? "62" : "61";
    // A malformed percentage is refused on its field before anything is sent.
    await field.fill("101");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Enter a percentage from 0 to 100, e.g. 12.5.")).toBeVisible();
    await field.fill(changed);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Per licensee" })).toHaveValue(changed);
    await page.getByRole("link", { name: "Changes in the audit log" }).click();
    await expect(page.getByRole("table").getByText("Facility settings changed").first()).toBeVisible();
    await page.goto("/facility");
    await expect(page.getByRole("textbox", { name: "Per licensee" })).toHaveValue(changed);
    await page.getByRole("textbox", { name: "Per licensee" }).fill(before);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
  });

  test("a capacity below exposure asks for confirmation with both amounts; keeping on editing saves nothing", async ({ page }) => {
    await logIn(page, UNDERWRITER);
    await page.goto("/facility");
    const capacity = page.getByRole("textbox", { name: "Capacity" });
    await expect(capacity).toHaveValue(/\d/);
    const before = await capacity.inputValue();
    // The demo facility has advances out: a capacity of 1 is below its exposure.
    await capacity.fill("1");
    await page.getByRole("button", { name: "Save settings" }).click();
    const confirm = page.getByTestId("capacity-below-exposure-confirm");
    await expect(confirm).toContainText("is below the facility's exposure of");
    await expect(confirm).toContainText(/1(\.00)?/);
    await expect(confirm.getByRole("button", { name: "Lower capacity anyway" })).toBeVisible();
    await expect(page.getByText("Settings saved.")).toHaveCount(0);
    await confirm.getByRole("button", { name: "Keep editing" }).click();
    await expect(confirm).toBeHidden();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Capacity" })).toHaveValue(before);
    await expect(page.getByTestId("capacity-below-exposure")).toHaveCount(0);
  });
});

test("a facility member reads the settings but cannot change them", async ({ page }) => {
  await logIn(page, OFFICER);
  await page.goto("/facility");
  await expect(pageHeading(page)).toHaveText("Facility settings");
  await expect(page.getByText("Only facility owners and admins change these settings.")).toBeVisible();
  await expect(page.getByLabel("Advance rate")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
});

test("a studio sees the application form in Chinese", async ({ page, browser, signUp }) => {
  await signUp(page, { kind: "STUDIO", homeCountry: "CN" });
  const partnerBrowser = await otherBrowser(browser);
  const partner = await signUp(partnerBrowser.page, { kind: "PARTNER", homeCountry: "BR" });
  const facility = await facilityTerms(page.request);
  const deal = await signedDeal(
    page.request,
    partnerBrowser.page.request,
    partner.organization.id,
    facility.currency,
    units(50000, facility.maxPerDeal),
  );
  await chooseLanguage(page, "简体中文");
  await page.goto(`/advances/new?deal=${deal.dealId}`);
  await expect(pageHeading(page)).toHaveText("申请预付款");
  await expect(page.getByRole("combobox", { name: "交易" })).toContainText(deal.name);
  await page.getByRole("textbox", { name: "申请金额" }).fill(units(1000, facility.maxPerDeal));
  await expect(page.getByTestId("eligibility-verdict")).toContainText("符合所有限额");
  await partnerBrowser.context.close();
});
