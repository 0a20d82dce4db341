import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  allocateReceipt,
  type ConvertedReceipt,
  type LineCell,
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
    expect(() => periodBounds("2026-13-01")).toThrow();
  });
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

  it("gives the export share as a percentage with 2 decimals", () => {
    expect(sharePct(1n, 3n)).toBe("33.33");
    expect(sharePct(3n, 3n)).toBe("100.00");
    expect(sharePct(0n, 0n)).toBeNull();
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
    expect(() => splitEvenly(7n, 0)).toThrow();
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
  const result = aggregate(data, { periods: ["2026-01", "2026-02", "2026-03"], granularity: "month", genresOf: (id) => genres[id] ?? [] });

  it("totals receipts and payments separately", () => {
    expect(result.receipts).toBe(1500n);
    expect(result.payments).toBe(400n);
  });

  it("gives every period, empty ones as zero", () => {
    expect(result.series).toEqual([
      { period: "2026-01", receipts: 1000n, payments: 0n },
      { period: "2026-02", receipts: 500n, payments: 400n },
      { period: "2026-03", receipts: 0n, payments: 0n },
    ]);
  });

  it("breaks down by counterparty country, media, revenue type and title, largest first", () => {
    expect(result.byCountry).toEqual([
      { key: "TH", receipts: 1000n, payments: 0n },
      { key: "BR", receipts: 500n, payments: 0n },
      { key: "KR", receipts: 0n, payments: 400n },
    ]);
    expect(result.byMediaRight.map((r) => r.key)).toEqual(["SVOD", "TV", "THEATRICAL", "UNALLOCATED"]);
    expect(result.byTitle.find((r) => r.key === "UNALLOCATED")).toEqual({ key: "UNALLOCATED", receipts: 0n, payments: 400n });
  });

  it("splits a title's part over its genres exactly; titles without genre go to NONE", () => {
    const g = Object.fromEntries(result.byGenre.map((r) => [r.key, r.receipts]));
    expect(g).toMatchObject({ XIANXIA: 200n, FANTASY: 200n, ROMANCE: 200n, CRIME: 400n, NONE: 500n, UNALLOCATED: 0n });
  });

  it("every breakdown and the series sum exactly to the totals", () => {
    for (const rows of [result.series, result.byCountry, result.byMediaRight, result.byRevenueType, result.byGenre, result.byTitle]) {
      expect(rows.reduce((s, r) => s + r.receipts, 0n)).toBe(result.receipts);
      expect(rows.reduce((s, r) => s + r.payments, 0n)).toBe(result.payments);
    }
  });

  it("refuses parts that do not sum to their receipt, and receipts outside the periods", () => {
    expect(() =>
      aggregate([receipt("RECEIPT", 10n, "2026-01-01", "TH", [{ titleId: "a", mediaRight: "TV", revenueType: "OTHER", amount: 9n }])], {
        periods: ["2026-01"],
        granularity: "month",
        genresOf: () => [],
      }),
    ).toThrow();
    expect(() => aggregate(data, { periods: ["2026-01"], granularity: "month", genresOf: () => [] })).toThrow();
  });
});
