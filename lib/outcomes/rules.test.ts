import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  allocateReceipt,
  type ConvertedReceipt,
  type LineCell,
  marketTestOutcomes,
  periodBounds,
  periodOf,
  periodsBetween,
  ratio,
  sharePct,
  splitEvenly,
} from "./rules";

describe("periods", () => {
  it.each([
    ["2026-01-01", "month", "2026-01"],
    ["2026-12-31", "month", "2026-12"],
    ["2026-03-31", "quarter", "2026-Q1"],
    ["2026-04-01", "quarter", "2026-Q2"],
    ["2026-12-31", "quarter", "2026-Q4"],
  ] as const)("%s in %s granularity is %s", (date, g, period) => {
    expect(periodOf(date, g)).toBe(period);
  });

  it("lists every period touching the range, empty ones included, across years", () => {
    expect(periodsBetween("2025-11-15", "2026-02-01", "month")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(periodsBetween("2025-11-15", "2026-04-01", "quarter")).toEqual(["2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(periodsBetween("2026-05-05", "2026-05-06", "month")).toEqual(["2026-05"]);
    expect(periodsBetween("2026-05-06", "2026-05-05", "month")).toEqual([]);
  });

  it("knows each period's first and last day, leap years included", () => {
    expect(periodBounds("2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(periodBounds("2026-Q1")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(periodBounds("2026-Q4")).toEqual({ start: "2026-10-01", end: "2026-12-31" });
    expect(() => periodBounds("2026-13-01")).toThrow(new RangeError('Not a period: "2026-13-01"'));
  });

  it("a one-day range is one period, in either granularity", () => {
    expect(periodsBetween("2026-05-05", "2026-05-05", "month")).toEqual(["2026-05"]);
    expect(periodsBetween("2026-05-05", "2026-05-05", "quarter")).toEqual(["2026-Q2"]);
    expect(periodsBetween("2026-12-31", "2026-12-31", "quarter")).toEqual(["2026-Q4"]);
    expect(periodsBetween("2026-12-31", "2027-01-01", "month")).toEqual(["2026-12", "2027-01"]);
  });

  it("pads months and numbers quarters from the month", () => {
    expect(periodOf("2026-09-30", "month")).toBe("2026-09");
    expect(periodOf("2026-06-30", "quarter")).toBe("2026-Q2");
    expect(periodOf("2026-07-01", "quarter")).toBe("2026-Q3");
    expect(periodOf("2026-09-30", "quarter")).toBe("2026-Q3");
    expect(periodBounds("2026-09")).toEqual({ start: "2026-09-01", end: "2026-09-30" });
    expect(periodBounds("2027-02")).toEqual({ start: "2027-02-01", end: "2027-02-28" });
    expect(periodBounds("2026-Q2")).toEqual({ start: "2026-04-01", end: "2026-06-30" });
    expect(periodBounds("2026-Q3")).toEqual({ start: "2026-07-01", end: "2026-09-30" });
  });

  it.each(["2026-3-15", "2026-03-5", "26-03-15", "x2026-03-15", "2026-03-15x", "2026-03-15T00:00:00Z", "2026/03/15", ""])(
    "refuses %j as a calendar date",
    (date) => {
      expect(() => periodOf(date, "month")).toThrow(new RangeError(`Not a calendar date: "${date}"`));
      if (date !== "")
        expect(() => periodsBetween("2026-01-01", date, "quarter")).toThrow(new RangeError(`Not a calendar date: "${date}"`));
    },
  );

  it.each(["2026-Q5", "2026-Q0", "x2026-Q1", "2026-Q1x", "2026-q1", "x2026-03", "2026-03x", "2026-3", "26-03", ""])(
    "refuses %j as a period",
    (period) => {
      expect(() => periodBounds(period)).toThrow(new RangeError(`Not a period: "${period}"`));
    },
  );
});

describe("ratio and share", () => {
  it.each([
    [250n, 100n, "2.5000"],
    [1n, 3n, "0.3333"],
    [2n, 3n, "0.6667"],
    // Exactly half of the last digit: half-even keeps the even digit.
    [100050n, 1000000n, "0.1000"],
    [100150n, 1000000n, "0.1002"],
    [0n, 7n, "0.0000"],
    [123456789012345678901234n, 1n, "123456789012345678901234.0000"],
  ])("%s ÷ %s = %s", (r, p, expected) => {
    expect(ratio(r, p)).toBe(expected);
  });

  it("is null when nothing was paid", () => {
    expect(ratio(500n, 0n)).toBeNull();
    expect(ratio(0n, 0n)).toBeNull();
  });

  it("gives the export share as a percentage with 2 decimals, rounded half-even", () => {
    expect(sharePct(1n, 3n)).toBe("33.33");
    expect(sharePct(2n, 3n)).toBe("66.67");
    expect(sharePct(3n, 3n)).toBe("100.00");
    expect(sharePct(0n, 5n)).toBe("0.00");
    // 1/8 = 12.5%, 1/16 = 6.25%, 1/800 = 0.125% → 0.12 and 3/800 = 0.375% → 0.38 (half-even).
    expect(sharePct(1n, 800n)).toBe("0.12");
    expect(sharePct(3n, 800n)).toBe("0.38");
    expect(sharePct(0n, 0n)).toBeNull();
    expect(sharePct(5n, 0n)).toBeNull();
  });
});

describe("allocateReceipt", () => {
  const cell = (titleId: string, mediaRight: string, revenueType: string, weight: bigint): LineCell => ({
    titleId,
    mediaRight,
    revenueType,
    weight,
  });

  it("spreads a receipt over statement lines pro rata to gross", () => {
    const parts = allocateReceipt(1000n, [cell("a", "SVOD", "STREAMING", 300n), cell("b", "THEATRICAL", "BOX_OFFICE", 700n)], []);
    expect(parts.map((p) => p.amount)).toEqual([300n, 700n]);
  });

  it("gives leftover minor units to the largest remainders, ties to the first cell", () => {
    expect(
      allocateReceipt(
        100n,
        [cell("a", "SVOD", "STREAMING", 1n), cell("b", "SVOD", "STREAMING", 1n), cell("c", "SVOD", "STREAMING", 1n)],
        [],
      ).map((p) => p.amount),
    ).toEqual([34n, 33n, 33n]);
    expect(allocateReceipt(10n, [cell("a", "SVOD", "STREAMING", 1n), cell("b", "SVOD", "STREAMING", 2n)], []).map((p) => p.amount)).toEqual(
      [3n, 7n],
    );
  });

  it("falls back to the grants, evenly, then evenly over each grant's media, as licence fees", () => {
    const parts = allocateReceipt(
      101n,
      [],
      [
        { titleId: "a", mediaRights: ["SVOD", "AVOD"] },
        { titleId: "b", mediaRights: ["THEATRICAL"] },
      ],
    );
    expect(parts).toEqual([
      { titleId: "a", mediaRight: "SVOD", revenueType: "LICENSE_FEE", amount: 26n },
      { titleId: "a", mediaRight: "AVOD", revenueType: "LICENSE_FEE", amount: 25n },
      { titleId: "b", mediaRight: "THEATRICAL", revenueType: "LICENSE_FEE", amount: 50n },
    ]);
  });

  it("ignores zero-gross lines, and falls back to grants when all lines are zero", () => {
    expect(allocateReceipt(5n, [cell("a", "SVOD", "STREAMING", 0n), cell("b", "SVOD", "STREAMING", 2n)], []).map((p) => p.titleId)).toEqual(
      ["b"],
    );
    expect(allocateReceipt(5n, [cell("a", "SVOD", "STREAMING", 0n)], [{ titleId: "g", mediaRights: ["TV"] }])[0]).toMatchObject({
      titleId: "g",
      mediaRight: "TV",
    });
  });

  it("books a receipt with neither lines nor grants as unallocated", () => {
    expect(allocateReceipt(42n, [], [])).toEqual([{ titleId: null, mediaRight: "UNALLOCATED", revenueType: "UNALLOCATED", amount: 42n }]);
  });

  it("always sums exactly to the receipt (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 5 }),
        (amount, weights, grantMedia) => {
          const cells = weights.map((w, i) => cell(`t${i % 3}`, "SVOD", "STREAMING", w));
          const grants = grantMedia.map((n, i) => ({ titleId: `g${i}`, mediaRights: Array.from({ length: n }, (_, j) => `M${j}`) }));
          const parts = allocateReceipt(amount, cells, grants);
          expect(parts.reduce((s, p) => s + p.amount, 0n)).toBe(amount);
          expect(parts.every((p) => p.amount >= 0n)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("splits evenly with the remainder on the first parts", () => {
    expect(splitEvenly(7n, 3)).toEqual([3n, 2n, 2n]);
    expect(splitEvenly(7n, 1)).toEqual([7n]);
    expect(splitEvenly(0n, 2)).toEqual([0n, 0n]);
    expect(() => splitEvenly(7n, 0)).toThrow(new RangeError("Nothing to split over."));
    expect(() => splitEvenly(7n, -1)).toThrow(new RangeError("Nothing to split over."));
  });

  it("books a grant without media rights on UNALLOCATED media, still as a licence fee of its title", () => {
    expect(
      allocateReceipt(
        10n,
        [],
        [
          { titleId: "a", mediaRights: [] },
          { titleId: "b", mediaRights: ["SVOD"] },
        ],
      ),
    ).toEqual([
      { titleId: "a", mediaRight: "UNALLOCATED", revenueType: "LICENSE_FEE", amount: 5n },
      { titleId: "b", mediaRight: "SVOD", revenueType: "LICENSE_FEE", amount: 5n },
    ]);
  });

  it("carries each line cell's title, media right and revenue type onto its part", () => {
    expect(allocateReceipt(9n, [cell("a", "SVOD", "STREAMING", 1n), cell("b", "THEATRICAL", "BOX_OFFICE", 2n)], [])).toEqual([
      { titleId: "a", mediaRight: "SVOD", revenueType: "STREAMING", amount: 3n },
      { titleId: "b", mediaRight: "THEATRICAL", revenueType: "BOX_OFFICE", amount: 6n },
    ]);
  });
});

describe("aggregate", () => {
  const genres: Record<string, string[]> = { jade: ["XIANXIA", "FANTASY", "ROMANCE"], crime: ["CRIME"], plain: [] };
  const receipt = (
    side: "RECEIPT" | "PAYMENT",
    amount: bigint,
    receivedOn: string,
    country: string,
    parts: ConvertedReceipt["parts"],
  ): ConvertedReceipt => ({
    side,
    amount,
    receivedOn,
    counterpartyCountry: country,
    parts,
  });

  const data = [
    receipt("RECEIPT", 1000n, "2026-01-10", "TH", [
      { titleId: "jade", mediaRight: "SVOD", revenueType: "STREAMING", amount: 600n },
      { titleId: "crime", mediaRight: "THEATRICAL", revenueType: "BOX_OFFICE", amount: 400n },
    ]),
    receipt("RECEIPT", 500n, "2026-02-03", "BR", [{ titleId: "plain", mediaRight: "TV", revenueType: "LICENSE_FEE", amount: 500n }]),
    receipt("PAYMENT", 400n, "2026-02-20", "KR", [{ titleId: null, mediaRight: "UNALLOCATED", revenueType: "UNALLOCATED", amount: 400n }]),
  ];
  // Computed inside each test, not while the file is collected: an error thrown here must fail a test.
  const aggregated = () =>
    aggregate(data, { periods: ["2026-01", "2026-02", "2026-03"], granularity: "month", genresOf: (id) => genres[id] ?? [] });

  it("totals receipts and payments separately", () => {
    expect(aggregated().receipts).toBe(1500n);
    expect(aggregated().payments).toBe(400n);
  });

  it("gives every period, empty ones as zero", () => {
    expect(aggregated().series).toEqual([
      { period: "2026-01", receipts: 1000n, payments: 0n },
      { period: "2026-02", receipts: 500n, payments: 400n },
      { period: "2026-03", receipts: 0n, payments: 0n },
    ]);
  });

  it("breaks down by counterparty country, media, revenue type and title, largest first", () => {
    expect(aggregated().byCountry).toEqual([
      { key: "TH", receipts: 1000n, payments: 0n },
      { key: "BR", receipts: 500n, payments: 0n },
      { key: "KR", receipts: 0n, payments: 400n },
    ]);
    expect(aggregated().byMediaRight.map((r) => r.key)).toEqual(["SVOD", "TV", "THEATRICAL", "UNALLOCATED"]);
    expect(aggregated().byTitle.find((r) => r.key === "UNALLOCATED")).toEqual({ key: "UNALLOCATED", receipts: 0n, payments: 400n });
  });

  it("splits a title's part over its genres exactly; titles without genre go to NONE", () => {
    const g = Object.fromEntries(aggregated().byGenre.map((r) => [r.key, r.receipts]));
    expect(g).toMatchObject({ XIANXIA: 200n, FANTASY: 200n, ROMANCE: 200n, CRIME: 400n, NONE: 500n, UNALLOCATED: 0n });
  });

  it("every breakdown and the series sum exactly to the totals", () => {
    const result = aggregated();
    for (const rows of [result.series, result.byCountry, result.byMediaRight, result.byRevenueType, result.byGenre, result.byTitle]) {
      expect(rows.reduce((s, r) => s + r.receipts, 0n)).toBe(result.receipts);
      expect(rows.reduce((s, r) => s + r.payments, 0n)).toBe(result.payments);
    }
  });

  it("refuses parts that do not sum to their receipt, and receipts outside the periods", () => {
    const args = { periods: ["2026-01"], granularity: "month" as const, genresOf: () => [] };
    const parts = (...amounts: bigint[]) => amounts.map((amount) => ({ titleId: "a", mediaRight: "TV", revenueType: "OTHER", amount }));
    const mismatch = new RangeError("A receipt's parts must sum to the receipt.");
    expect(() => aggregate([receipt("RECEIPT", 10n, "2026-01-01", "TH", parts(9n))], args)).toThrow(mismatch);
    expect(() => aggregate([receipt("RECEIPT", 10n, "2026-01-01", "TH", parts(4n, 7n))], args)).toThrow(mismatch);
    expect(() => aggregate([receipt("RECEIPT", 10n, "2026-01-01", "TH", [])], args)).toThrow(mismatch);
    expect(aggregate([receipt("RECEIPT", 10n, "2026-01-01", "TH", parts(4n, 6n))], args).receipts).toBe(10n);
    expect(() => aggregate(data, args)).toThrow(new RangeError("Receipt of 2026-02-03 is outside the periods asked for."));
  });

  it("with no receipts: zero totals, every period at zero, empty breakdowns", () => {
    expect(aggregate([], { periods: ["2026-Q1", "2026-Q2"], granularity: "quarter", genresOf: () => [] })).toEqual({
      receipts: 0n,
      payments: 0n,
      series: [
        { period: "2026-Q1", receipts: 0n, payments: 0n },
        { period: "2026-Q2", receipts: 0n, payments: 0n },
      ],
      byCountry: [],
      byMediaRight: [],
      byRevenueType: [],
      byGenre: [],
      byTitle: [],
    });
  });

  it("ranks rows by receipts + payments, largest first, then by key; a payment counts as much as a receipt", () => {
    const one = (side: "RECEIPT" | "PAYMENT", amount: bigint, country: string) =>
      receipt(side, amount, "2026-01-15", country, [{ titleId: null, mediaRight: "UNALLOCATED", revenueType: "UNALLOCATED", amount }]);
    const result = aggregate(
      [
        one("RECEIPT", 100n, "VN"),
        one("PAYMENT", 300n, "TH"),
        one("RECEIPT", 50n, "TH"),
        one("PAYMENT", 200n, "BR"),
        one("RECEIPT", 200n, "AR"),
      ],
      { periods: ["2026-01"], granularity: "month", genresOf: () => [] },
    );
    expect(result.byCountry).toEqual([
      { key: "TH", receipts: 50n, payments: 300n },
      { key: "AR", receipts: 200n, payments: 0n },
      { key: "BR", receipts: 0n, payments: 200n },
      { key: "VN", receipts: 100n, payments: 0n },
    ]);
    expect(result.series).toEqual([{ period: "2026-01", receipts: 350n, payments: 500n }]);
    expect(result.byGenre).toEqual([{ key: "UNALLOCATED", receipts: 350n, payments: 500n }]);
    expect(result.byRevenueType).toEqual([{ key: "UNALLOCATED", receipts: 350n, payments: 500n }]);
  });

  it("splits a payment's part over the title's genres too, and files a title-less part under UNALLOCATED", () => {
    const result = aggregate(
      [receipt("PAYMENT", 10n, "2026-03-01", "KR", [{ titleId: "jade", mediaRight: "SVOD", revenueType: "STREAMING", amount: 10n }])],
      { periods: ["2026-Q1"], granularity: "quarter", genresOf: (id) => genres[id] ?? [] },
    );
    expect(result.byGenre).toEqual([
      { key: "XIANXIA", receipts: 0n, payments: 4n },
      { key: "FANTASY", receipts: 0n, payments: 3n },
      { key: "ROMANCE", receipts: 0n, payments: 3n },
    ]);
    expect(result.byTitle).toEqual([{ key: "jade", receipts: 0n, payments: 10n }]);
    expect(result.series).toEqual([{ period: "2026-Q1", receipts: 0n, payments: 10n }]);
  });
});

describe("marketTestOutcomes", () => {
  const receipt = (r: Partial<ConvertedReceipt> & { parts: ConvertedReceipt["parts"] }): ConvertedReceipt => ({
    side: "RECEIPT",
    amount: r.parts.reduce((s, p) => s + p.amount, 0n),
    receivedOn: "2026-03-01",
    counterpartyCountry: "TH",
    ...r,
  });
  const part = (titleId: string | null, amount: bigint) => ({ titleId, mediaRight: "SVOD", revenueType: "STREAMING", amount });

  it("groups tests per territory and counts only what a tested title received there from its first test on", () => {
    const rows = marketTestOutcomes(
      [
        { territory: "TH", titleId: "jade", testedOn: "2026-02-10", audienceSize: 300, score: 70 },
        { territory: "TH", titleId: "jade", testedOn: "2026-01-20", audienceSize: 200, score: 81 },
        { territory: "TH", titleId: "river", testedOn: "2026-04-01", audienceSize: 50, score: 40 },
        { territory: "VN", titleId: "jade", testedOn: "2026-01-05", audienceSize: 1000, score: 64 },
      ],
      [
        // Before Jade's first Thai test (2026-01-20): from there, not after the tests.
        receipt({ receivedOn: "2026-01-19", parts: [part("jade", 10000n)] }),
        // On the day of the first test: counts; River was not tested yet, Jade's share only.
        receipt({ receivedOn: "2026-01-20", parts: [part("jade", 2501n), part("river", 7499n)] }),
        // River after its test; an unallocated part never counts as after the tests.
        receipt({ receivedOn: "2026-04-02", parts: [part("river", 300n), part(null, 5n)] }),
        // A payment (the organisation paid) and a receipt from elsewhere are not receipts from TH.
        receipt({ side: "PAYMENT", receivedOn: "2026-03-01", parts: [part("jade", 999n)] }),
        receipt({ counterpartyCountry: "SG", receivedOn: "2026-03-01", parts: [part("jade", 777n)] }),
      ],
    );
    expect(rows).toEqual([
      {
        territory: "TH",
        tests: 3,
        audience: 550,
        averageScore: "63.7",
        firstTestOn: "2026-01-20",
        lastTestOn: "2026-04-01",
        titleIds: ["jade", "river"],
        receiptsThere: 20305n,
        receiptsAfterTests: 2801n,
      },
      {
        territory: "VN",
        tests: 1,
        audience: 1000,
        averageScore: "64.0",
        firstTestOn: "2026-01-05",
        lastTestOn: "2026-01-05",
        titleIds: ["jade"],
        receiptsThere: 0n,
        receiptsAfterTests: 0n,
      },
    ]);
  });

  it("rounds the mean score half-even and orders territories by tests, then code", () => {
    const t = (territory: string, score: number) => ({ territory, titleId: "a", testedOn: "2026-01-01", audienceSize: 1, score });
    // (50 + 51 + 50 + 50) / 4 = 50.25 → 50.2 (half-even); (1 + 0) / 2 = 0.5.
    const rows = marketTestOutcomes(
      [t("KR", 50), t("KR", 51), t("KR", 50), t("KR", 50), t("BR", 1), t("BR", 0), t("AR", 1), t("AR", 0)],
      [],
    );
    expect(rows.map((r) => [r.territory, r.tests, r.averageScore])).toEqual([
      ["KR", 4, "50.2"],
      ["AR", 2, "0.5"],
      ["BR", 2, "0.5"],
    ]);
    expect(marketTestOutcomes([], [])).toEqual([]);
  });
});
