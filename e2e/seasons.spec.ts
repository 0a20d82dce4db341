/**
 * A series licensed season by season, in English and in Chinese: the studio adds a season to its
 * series on the title page, licenses that season (a deal whose grant names it, set up through the
 * API and signed by both parties) and sees on the avails heat-map that the season is blocked in
 * Thailand while another season of the same series stays available.
 */
import type { Page } from "@playwright/test";
import { proposeDealViaApi, signViaApi } from "./support/deals";
import { expect, test } from "./support/fixtures";
import { otherBrowser } from "./support/journeys";

const WORDS = {
  en: {
    addSeason: "Add season",
    englishTitle: "English title",
    seasonHeading: "Season 2: Nine Realms",
    seasonPicker: "Season",
    season: (n: number) => `Season ${n}`,
    show: "Show avails",
  },
  zh: {
    addSeason: "添加季",
    englishTitle: "英文标题",
    seasonHeading: "第 2 季：九重天",
    seasonPicker: "季",
    season: (n: number) => `第 ${n} 季`,
    show: "查询",
  },
} as const;

function heatCell(page: Page, country: string, media: string) {
  return page.locator(`[data-testid=avails-heatmap] [data-country=${country}][data-media=${media}]`);
}

for (const locale of ["en", "zh"] as const) {
  test(`[${locale}] the studio adds a season, licenses it alone and sees that season's avails`, async ({
    page,
    browser,
    signUp,
    baseURL,
  }) => {
    test.slow(); // two browsers, a season added, a deal signed by both, two avails questions
    const w = WORDS[locale];
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
    await signUp(page, { kind: "STUDIO" });
    const name = `Nine Realms ${Math.random().toString(36).slice(2, 8)}`;
    const created = await page.request.post("/api/v1/titles", {
      data: { kind: "SERIES", originalTitle: name, originalLanguage: "zh", year: 2025, episodeCount: 24, visibility: "LISTED" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const titleId = ((await created.json()) as { id: string }).id;
    const first = await page.request.post(`/api/v1/titles/${titleId}/seasons`, { data: { number: 1, titles: { en: "The Broken Seal" } } });
    expect(first.status(), await first.text()).toBe(201);

    // The studio adds season 2 on the title page (its number is proposed: the next one).
    await page.goto(`/titles/${titleId}`);
    const seasons = page.getByTestId("seasons");
    await expect(seasons.getByTestId("season-1")).toBeVisible();
    await seasons.getByRole("button", { name: w.addSeason }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("spinbutton").first()).toHaveValue("2");
    await dialog.getByLabel(w.englishTitle).fill("Nine Realms");
    if (locale === "zh") await dialog.getByLabel("中文标题").fill("九重天");
    await dialog.getByRole("button", { name: w.addSeason }).click();
    await expect(dialog).toBeHidden();
    await expect(seasons.getByTestId("season-2")).toContainText(w.seasonHeading);

    // Season 2 alone, exclusive SVOD in Thailand for 2027, licensed to a partner (both sign).
    const partnerBrowser = await otherBrowser(browser);
    const partner = await signUp(partnerBrowser.page, { kind: "PARTNER" });
    const listed = await page.request.get(`/api/v1/titles/${titleId}/seasons`);
    expect(((await listed.json()) as { items: { number: number }[] }).items.map((s) => s.number)).toEqual([1, 2]);
    const dealId = await proposeDealViaApi(page.request, {
      name: `${name} · season 2 · Thailand`,
      licenseeId: partner.organization.id,
      grant: { titleId, territories: ["TH"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: true, seasons: [2] },
    });
    expect(await signViaApi(partnerBrowser.page.request, dealId)).toBe("PROPOSED");
    expect(await signViaApi(page.request, dealId)).toBe("SIGNED");
    await partnerBrowser.context.close();

    // The heat-map for the series, season 2: Thai SVOD blocked, Vietnamese SVOD available.
    await page.goto(`/avails?scope=${titleId}&territories=TH,VN&mediaRights=SVOD&start=2027-03-01&end=2027-03-31&exclusive=true`);
    await page.getByRole("combobox", { name: w.seasonPicker, exact: true }).click();
    await page.getByRole("option", { name: w.season(2), exact: true }).click();
    await page.getByRole("button", { name: w.show }).click();
    await expect(page).toHaveURL(/season=2/);
    await expect(heatCell(page, "TH", "SVOD")).toHaveAttribute("data-status", "BLOCKED");
    await expect(heatCell(page, "VN", "SVOD")).toHaveAttribute("data-status", "AVAILABLE");

    // Season 1 of the same series is still free in Thailand.
    await page.getByRole("combobox", { name: w.seasonPicker, exact: true }).click();
    await page.getByRole("option", { name: w.season(1), exact: true }).click();
    await page.getByRole("button", { name: w.show }).click();
    await expect(page).toHaveURL(/season=1/);
    await expect(heatCell(page, "TH", "SVOD")).toHaveAttribute("data-status", "AVAILABLE");
  });
}
