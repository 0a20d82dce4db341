import { toCsv } from "@/lib/files/csv";
import { countryName } from "@/lib/i18n/countries";
import { money } from "@/lib/money/currency";
import type { Money } from "@/lib/money/money";
import { getGenre } from "@/lib/reference/genres";
import { getMediaRight } from "@/lib/reference/media-rights";
import type { OutcomesReport, PlatformReport, TitleInfo } from "./queries";
import { BREAKDOWNS, type Breakdown, type BucketRow, NO_GENRE, periodBounds, ratio, sharePct, UNALLOCATED } from "./rules";

/**
 * Outcomes as the API (and the page) shows them: Money with the reporting currency's exact digits,
 * a ratio per row, and a label per key in the chosen language. Words that are the product's own
 * (revenue types, "unallocated") come in through `words`, so the page takes them from its messages
 * and the API from the English list below.
 */

export type Words = { revenueType: (key: string) => string; unallocated: string; noGenre: string };
type Locale = "en" | "zh";

export const ENGLISH_WORDS: Words = {
  revenueType: (key) =>
    ({
      LICENSE_FEE: "Licence fee",
      BOX_OFFICE: "Box office",
      STREAMING: "Streaming",
      ADVERTISING: "Advertising",
      MERCHANDISE: "Merchandise",
      SOUNDTRACK: "Soundtrack",
      OTHER: "Other",
    })[key] ?? key,
  unallocated: "Unallocated",
  noGenre: "No genre",
};

export type OutcomesRowView = { key: string; label: string; receipts: Money; payments: Money; ratio: string | null };

export function titleLabel(title: TitleInfo | undefined, locale: Locale): string | null {
  if (!title) return null;
  return (locale === "zh" ? title.titleZh : title.titleEn) ?? title.originalTitle;
}

export function labelOf(
  breakdown: Breakdown,
  key: string,
  ctx: { locale: Locale; words: Words; titles: ReadonlyMap<string, TitleInfo> },
): string {
  if (key === UNALLOCATED) return ctx.words.unallocated;
  switch (breakdown) {
    case "byCountry":
      return countryName(key, ctx.locale);
    case "byMediaRight":
      return getMediaRight(key)?.name[ctx.locale] ?? key;
    case "byRevenueType":
      return ctx.words.revenueType(key);
    case "byGenre":
      return key === NO_GENRE ? ctx.words.noGenre : (getGenre(key)?.name[ctx.locale] ?? key);
    case "byTitle":
      return titleLabel(ctx.titles.get(key), ctx.locale) ?? key;
  }
}

const row = (r: BucketRow, currency: string, label: string): OutcomesRowView => ({
  key: r.key,
  label,
  receipts: money(r.receipts, currency),
  payments: money(r.payments, currency),
  ratio: ratio(r.receipts, r.payments),
});

export function presentOutcomes(report: OutcomesReport, locale: Locale = "en", words: Words = ENGLISH_WORDS) {
  const c = report.currency;
  const ctx = { locale, words, titles: report.titles };
  const breakdowns = Object.fromEntries(BREAKDOWNS.map((b) => [b, report[b].map((r) => row(r, c, labelOf(b, r.key, ctx)))])) as Record<
    Breakdown,
    OutcomesRowView[]
  >;
  return {
    organizationId: report.organizationId,
    homeCountry: report.homeCountry,
    from: report.from,
    to: report.to,
    currency: c,
    granularity: report.granularity,
    receipts: money(report.receipts, c),
    payments: money(report.payments, c),
    ratio: ratio(report.receipts, report.payments),
    receiptCount: report.receiptCount,
    paymentCount: report.paymentCount,
    series: report.series.map((p) => ({
      period: p.period,
      ...periodBounds(p.period),
      receipts: money(p.receipts, c),
      payments: money(p.payments, c),
      ratio: ratio(p.receipts, p.payments),
    })),
    ...breakdowns,
    fxRatesUsed: report.fxRatesUsed.map((f) => ({
      date: f.date,
      base: f.base,
      quote: f.quote,
      rate: f.rate,
      via: f.via,
      receipts: f.receipts,
    })),
    marketTests: report.marketTests.map((r) => ({
      territory: r.territory,
      label: countryName(r.territory, locale),
      tests: r.tests,
      audience: r.audience,
      averageScore: r.averageScore,
      firstTestOn: r.firstTestOn,
      lastTestOn: r.lastTestOn,
      titles: r.titleIds.map((id) => ({ id, label: titleLabel(report.titles.get(id), locale) ?? id })),
      receipts: money(r.receiptsThere, c),
      receiptsAfterTests: money(r.receiptsAfterTests, c),
    })),
  };
}
export type OutcomesView = ReturnType<typeof presentOutcomes>;
export type MarketTestView = OutcomesView["marketTests"][number];

export function presentPlatformOutcomes(report: PlatformReport, locale: Locale = "en") {
  const c = report.currency;
  return {
    from: report.from,
    to: report.to,
    currency: c,
    granularity: report.granularity,
    receipts: money(report.receipts, c),
    payments: money(report.payments, c),
    ratio: ratio(report.receipts, report.payments),
    series: report.series.map((p) => ({
      period: p.period,
      ...periodBounds(p.period),
      receipts: money(p.receipts, c),
      payments: money(p.payments, c),
      ratio: ratio(p.receipts, p.payments),
    })),
    byHomeCountry: report.byHomeCountry.map((x) => ({
      country: x.country,
      label: countryName(x.country, locale),
      studios: x.studios,
      receipts: money(x.receipts, c),
      payments: money(x.payments, c),
      ratio: ratio(x.receipts, x.payments),
      allReceipts: money(x.allReceipts, c),
      exportSharePct: sharePct(x.receipts, x.allReceipts),
    })),
    studios: report.studios.map((s) => ({
      id: s.id,
      name: s.name,
      homeCountry: s.homeCountry,
      receipts: money(s.receipts, c),
      payments: money(s.payments, c),
      ratio: ratio(s.receipts, s.payments),
      allReceipts: money(s.allReceipts, c),
      exportSharePct: sharePct(s.receipts, s.allReceipts),
    })),
    fxRatesUsed: report.fxRatesUsed.map((f) => ({
      date: f.date,
      base: f.base,
      quote: f.quote,
      rate: f.rate,
      via: f.via,
      receipts: f.receipts,
    })),
  };
}
export type PlatformOutcomesView = ReturnType<typeof presentPlatformOutcomes>;

/** CSV of each outcomes table (lib/files/csv.ts), amounts as the exact decimal strings of the API. */

export function breakdownCsv(view: OutcomesView, breakdown: Breakdown | "series" | "marketTests"): string {
  if (breakdown === "marketTests") {
    return toCsv(
      [
        "territory",
        "label",
        "tests",
        "audience",
        "averageScore",
        "firstTestOn",
        "lastTestOn",
        "titles",
        "currency",
        "receipts",
        "receiptsAfterTests",
      ],
      view.marketTests.map((r) => [
        r.territory,
        r.label,
        r.tests,
        r.audience,
        r.averageScore,
        r.firstTestOn,
        r.lastTestOn,
        r.titles.map((t) => t.label).join("; "),
        view.currency,
        r.receipts.amount,
        r.receiptsAfterTests.amount,
      ]),
      [2, 3, 4, 9, 10],
    );
  }
  if (breakdown === "series") {
    return toCsv(
      ["period", "start", "end", "currency", "receipts", "payments", "ratio"],
      view.series.map((p) => [p.period, p.start, p.end, view.currency, p.receipts.amount, p.payments.amount, p.ratio]),
      [4, 5, 6],
    );
  }
  return toCsv(
    ["key", "label", "currency", "receipts", "payments", "ratio"],
    view[breakdown].map((r) => [r.key, r.label, view.currency, r.receipts.amount, r.payments.amount, r.ratio]),
    [3, 4, 5],
  );
}

export function platformCsv(view: PlatformOutcomesView, table: "byHomeCountry" | "studios"): string {
  if (table === "byHomeCountry") {
    return toCsv(
      ["country", "label", "studios", "currency", "receipts", "payments", "ratio", "allReceipts", "exportSharePct"],
      view.byHomeCountry.map((r) => [
        r.country,
        r.label,
        r.studios,
        view.currency,
        r.receipts.amount,
        r.payments.amount,
        r.ratio,
        r.allReceipts.amount,
        r.exportSharePct,
      ]),
      [2, 4, 5, 6, 7, 8],
    );
  }
  return toCsv(
    ["id", "name", "homeCountry", "currency", "receipts", "payments", "ratio", "allReceipts", "exportSharePct"],
    view.studios.map((r) => [
      r.id,
      r.name,
      r.homeCountry,
      view.currency,
      r.receipts.amount,
      r.payments.amount,
      r.ratio,
      r.allReceipts.amount,
      r.exportSharePct,
    ]),
    [4, 5, 6, 7, 8],
  );
}

export function csvFileName(what: string, view: { from: string; to: string; currency: string }): string {
  return `outcomes-${what}-${view.from}-${view.to}-${view.currency}.csv`;
}
