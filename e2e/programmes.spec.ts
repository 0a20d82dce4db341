/**
 * Export programmes as their people use them, in English and in Chinese: the demo fund's director
 * (programme@) sets up a programme for Southeast Asia, MENA and Latin America; a new studio with a
 * delivered Thai version checks its live eligibility and applies; the fund's reviewer
 * (programme.review@) takes it into review and cannot decide it (four-eyes); the director awards
 * and pays it out; the programme's dashboard and the studio's page show the payout.
 */
import type { Page } from "@playwright/test";
import enMessages from "../messages/en/programmes.json";
import zhMessages from "../messages/zh/programmes.json";
import { expect, logIn, test } from "./support/fixtures";
import { chooseLanguage, otherBrowser, pageHeading } from "./support/journeys";

const DEMO_PASSWORD = "demo-rights-2026";
const DIRECTOR = { email: "programme@demo.rightsbridge.test", password: DEMO_PASSWORD };
const REVIEWER = { email: "programme.review@demo.rightsbridge.test", password: DEMO_PASSWORD };

const shift = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function inLanguage(page: Page, locale: "en" | "zh") {
  if (locale === "zh") await chooseLanguage(page, "简体中文");
}

/** Opens the territory picker labelled `label` and adds each code (Enter takes the exact code first). */
async function pickTerritories(page: Page, label: string, codes: string[]) {
  const trigger = page.getByRole("dialog").getByRole("combobox", { name: label, exact: true });
  await trigger.click();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  // The picker's search box, in the popover it opened (Enter adds the first match: the exact code).
  const search = page.locator("[data-radix-popper-content-wrapper]").getByRole("textbox");
  for (const code of codes) {
    await search.fill(code);
    await search.press("Enter");
  }
  await search.press("Escape");
  await expect(trigger).toContainText(/Southeast Asia|东南亚/);
}

for (const locale of ["en", "zh"] as const) {
  test(`${locale}: programme set up → studio checks eligibility and applies → reviewer reviews → another member awards → payout → dashboard`, async ({
    page,
    browser,
    signUp,
  }, testInfo) => {
    test.slow();
    const m = locale === "en" ? enMessages : zhMessages;
    const suffix = Math.random().toString(36).slice(2, 7);
    const nameEn = `E2E Export Fund ${suffix}`;
    const nameZh = `端到端出口基金 ${suffix}`;
    const shownName = locale === "en" ? nameEn : nameZh;

    // A studio with a delivered international version for Thailand (made through the API).
    const studio = await signUp(page, { kind: "STUDIO", homeCountry: "CN" });
    const title = await page.request.post("/api/v1/titles", {
      data: { kind: "FILM", originalTitle: `山河 ${suffix}`, originalLanguage: "zh", year: 2025, visibility: "LISTED" },
    });
    expect(title.status(), await title.text()).toBe(201);
    const titleId = ((await title.json()) as { id: string }).id;
    const versions = (await (await page.request.get(`/api/v1/titles/${titleId}/versions`)).json()) as { items: { id: string }[] };
    const version = await page.request.post(`/api/v1/titles/${titleId}/versions`, {
      data: { kind: "INTERNATIONAL", name: "Thai cut", derivedFromId: versions.items[0]!.id, territories: ["TH"], status: "DELIVERED" },
    });
    expect(version.status(), await version.text()).toBe(201);
    await inLanguage(page, locale);

    // The fund's director defines the programme.
    const director = await otherBrowser(browser);
    const d = director.page;
    await logIn(d, DIRECTOR);
    await inLanguage(d, locale);
    await d.goto("/programmes");
    await expect(pageHeading(d)).toHaveText(m.list.title);
    await d.getByRole("button", { name: m.form.new }).click();
    const form = d.getByRole("dialog");
    await form.getByLabel(m.form.nameEn).fill(nameEn);
    await form.getByLabel(m.form.nameZh).fill(nameZh);
    await form.getByLabel(m.form.descriptionEn).fill("Rewards delivered versions for the target markets.");
    await form.getByLabel(m.form.descriptionZh).fill("奖励面向目标市场交付的版本。");
    await form.getByLabel(new RegExp(`^${m.form.budget}`)).fill("500000.00");
    await form.getByLabel(m.form.opensOn).fill(shift(-1));
    await form.getByLabel(m.form.closesOn).fill(shift(60));
    await pickTerritories(d, m.form.targetTerritories, ["SEA", "MENA", "LATAM"]);
    await form.getByRole("button", { name: m.form.addCriterion }).click();
    await form.getByRole("combobox", { name: m.form.metric }).click();
    await d.getByRole("option", { name: m.form.metrics.INTERNATIONAL_VERSIONS, exact: true }).click();
    await form.getByLabel(m.form.min, { exact: true }).fill("1");
    await form.getByLabel(new RegExp(`^${m.form.perVersionBonus}`)).fill("5000.00");
    await form.getByLabel(new RegExp(`^${m.form.capPerApplication}`)).fill("100000.00");
    await form.getByRole("button", { name: m.form.create }).click();
    await expect(form).toBeHidden();
    await d.getByRole("link", { name: shownName }).click();
    await expect(pageHeading(d)).toHaveText(shownName);
    const programmeId = /\/programmes\/([0-9a-f-]{36})$/.exec(new URL(d.url()).pathname)?.[1] as string;
    expect(programmeId).toBeTruthy();

    // The studio finds it open, sees its live eligibility with the evidence, and applies.
    await page.goto("/programmes");
    await page.getByTestId("open-programme").getByRole("link", { name: shownName }).click();
    const card = page.getByTestId("eligibility-card");
    await expect(card.getByTestId("eligibility-verdict")).toHaveText(m.eligibility.eligible);
    await expect(card.locator('tr[data-metric="INTERNATIONAL_VERSIONS"]')).toHaveAttribute("data-met", "true");
    await expect(card.getByTestId("award-preview")).toContainText("5,000.00");
    await card.getByTestId("evidence").locator("summary").click();
    await expect(card.getByTestId("evidence").getByRole("link", { name: "TH" })).toHaveAttribute("href", `/titles/${titleId}`);
    await page.screenshot({ path: testInfo.outputPath(`${locale}-eligibility.png`), fullPage: true });
    await page.getByTestId("apply").click();
    await page.getByRole("dialog").getByRole("button", { name: m.studio.applyConfirm }).click();
    await expect(page.getByTestId("my-application").getByTestId("application-status")).toHaveText(m.status.SUBMITTED);

    // The reviewer takes it into review, and is not offered the decision (four-eyes).
    const reviewer = await otherBrowser(browser);
    const r = reviewer.page;
    await logIn(r, REVIEWER);
    await inLanguage(r, locale);
    await r.goto(`/programmes/${programmeId}`);
    await r.getByRole("link", { name: studio.organization.name }).click();
    await r.getByRole("button", { name: m.actions.review }).click();
    await r.getByRole("dialog").getByRole("button", { name: m.actions.review }).click();
    await expect(r.getByTestId("application-status").first()).toHaveText(m.status.IN_REVIEW);
    await expect(r.getByTestId("four-eyes")).toContainText(m.actions.fourEyes);
    await expect(r.getByRole("button", { name: m.actions.decide })).toHaveCount(0);
    const applicationUrl = r.url();

    // The director awards it and pays it out.
    await d.goto(applicationUrl);
    await d.getByRole("button", { name: m.actions.decide }).click();
    const decision = d.getByRole("dialog");
    await expect(decision.getByLabel(/^(Amount|金额)/)).toHaveValue("5000.00");
    await decision.getByLabel(m.actions.note).fill("Delivered Thai version verified.");
    await decision.getByRole("button", { name: m.actions.award, exact: true }).click();
    await expect(decision).toBeHidden();
    await expect(d.getByTestId("application-status").first()).toHaveText(m.status.AWARDED);
    await d.getByRole("button", { name: m.actions.payout }).click();
    const payout = d.getByRole("dialog");
    await payout.getByRole("button", { name: m.actions.payoutConfirm, exact: true }).dblclick();
    await expect(payout).toBeHidden();
    await expect(d.getByTestId("application-status").first()).toHaveText(m.status.PAID);
    await expect(d.getByTestId("ledger-table").locator("tr[data-kind=PAYOUT]")).toHaveCount(1);

    // The dashboard shows the commitment, the payout, the status and the awarded studio's ratio series.
    await d.goto(`/programmes/${programmeId}`);
    await expect(d.getByTestId("committed")).toContainText("5,000.00");
    await expect(d.getByTestId("paid")).toContainText("5,000.00");
    await expect(d.getByTestId("by-status").locator('[data-status="PAID"] dd')).toHaveText("1");
    await expect(d.getByTestId("awarded-studio")).toContainText(studio.organization.name);
    await expect(d.getByTestId("ratio-chart")).toBeVisible();
    await d.screenshot({ path: testInfo.outputPath(`${locale}-dashboard.png`), fullPage: true });

    // The studio follows it to PAID.
    await page.reload();
    await expect(page.getByTestId("my-application").getByTestId("application-status")).toHaveText(m.status.PAID);
    await expect(page.getByTestId("studio-paid")).toContainText("5,000.00");

    for (const b of [director, reviewer]) await b.context.close();
  });
}

test("partners and facilities get 404 for the programme pages", async ({ page, signUp }) => {
  await signUp(page, { kind: "PARTNER", homeCountry: "TH" });
  const res = await page.goto("/programmes");
  expect(res?.status()).toBe(404);
  const api = await page.request.get("/api/v1/programmes");
  expect(api.status()).toBe(404);
});
