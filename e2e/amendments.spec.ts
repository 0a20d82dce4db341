/**
 * Amendment journeys, in English and in Chinese: the licensee drafts an amendment of a signed deal
 * (window extended, territory added), proposes it, both parties sign, the deal page shows the diff
 * and the contract PDF gains its appendix.
 */
import { createListedTitle, proposeDealViaApi, signViaApi } from "./support/deals";
import { expect, test } from "./support/fixtures";
import { otherBrowser } from "./support/journeys";

const WORDS = {
  en: {
    amend: "Amend the deal",
    end: "New end",
    add: "Add territories",
    save: "Save draft",
    propose: "Propose",
    sign: "Sign amendment",
    confirm: "Sign",
    signed: "Signed",
    appendix: "Appendix 1 — Amendment 1",
  },
  zh: {
    amend: "修订交易",
    end: "新结束日期",
    add: "增加地区",
    save: "保存草稿",
    propose: "提议",
    sign: "签署修订",
    confirm: "签署",
    signed: "已签署",
    appendix: "附录1 — 第1号修订",
  },
} as const;

/** The text of a PDF, glyphs mapped back through the fonts' ToUnicode tables (unpdf, as the contract PDF tests do). */
async function pdfText(pdf: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

for (const locale of ["en", "zh"] as const) {
  test(`[${locale}] both parties sign an amendment; the deal shows the diff and the contract its appendix`, async ({
    page,
    browser,
    signUp,
    baseURL,
  }) => {
    test.slow(); // two browsers, a deal and an amendment signed by both
    const w = WORDS[locale];
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
    await signUp(page, { kind: "STUDIO" });
    const titleName = `Jade River ${Math.random().toString(36).slice(2, 8)}`;
    const titleId = await createListedTitle(page.request, titleName);
    const partnerBrowser = await otherBrowser(browser);
    const p = partnerBrowser.page;
    await p.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
    const partner = await signUp(p, { kind: "PARTNER" });
    const dealId = await proposeDealViaApi(page.request, {
      name: `${titleName} · Thailand`,
      licenseeId: partner.organization.id,
      grant: { titleId, territories: ["TH"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: true },
    });
    expect(await signViaApi(p.request, dealId)).toBe("PROPOSED");
    expect(await signViaApi(page.request, dealId)).toBe("SIGNED");

    // The licensee drafts the amendment and proposes it.
    await p.goto(`/deals/${dealId}`);
    const panel = p.getByTestId("amendments");
    await panel.getByRole("button", { name: w.amend }).click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel(w.end).fill("2028-06-30");
    await dialog.getByLabel(w.add).fill("LA");
    await dialog.getByRole("button", { name: w.save }).click();
    await expect(dialog).toBeHidden();
    const item = panel.getByTestId("amendment-1");
    await expect(item).toContainText("2028-06-30");
    await expect(item).toContainText("TH, LA");
    await item.getByRole("button", { name: w.propose }).click();
    await expect(item.getByRole("button", { name: w.sign })).toBeVisible();
    await item.getByRole("button", { name: w.sign }).click();
    await p.getByRole("alertdialog").or(p.getByRole("dialog")).getByRole("button", { name: w.confirm, exact: true }).click();
    await expect(item.getByRole("button", { name: w.sign })).toHaveCount(0);

    // The licensor signs second: the amendment applies.
    await page.goto(`/deals/${dealId}`);
    const ours = page.getByTestId("amendments").getByTestId("amendment-1");
    await ours.getByRole("button", { name: w.sign }).click();
    await page.getByRole("alertdialog").or(page.getByRole("dialog")).getByRole("button", { name: w.confirm, exact: true }).click();
    // The second signature applies the amendment (grants and slices replaced in one transaction)
    // and the page renders again: more than one step's default wait on a loaded machine.
    await expect(ours).toContainText(w.signed, { timeout: 20_000 });
    await expect(ours).toContainText("2027-12-31");
    await expect(ours).toContainText("2028-06-30");

    const deal = await (await page.request.get(`/api/v1/deals/${dealId}`)).json();
    expect(deal.grants[0]).toMatchObject({ territories: ["TH", "LA"], end: "2028-06-30" });
    const pdf = await page.request.get(`/api/v1/deals/${dealId}/contract.pdf?lang=${locale}`);
    expect(pdf.status()).toBe(200);
    expect((await pdfText(await pdf.body())).replace(/\s+/g, " ")).toContain(w.appendix);
    await partnerBrowser.context.close();
  });
}
