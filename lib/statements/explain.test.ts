import { describe, expect, it } from "vitest";
import { D, roundMinor } from "@/lib/money/money";
import { explainWaterfall, presentExplainedStep, tierParts, waterfallTermsOf } from "./explain";

const tiers = [
  { upToMinor: 100_000_00n, pct: "50" },
  { upToMinor: null, pct: "60" },
];

describe("tierParts", () => {
  it("splits N across marginal tiers and the earnings round to S", () => {
    const parts = tierParts(150_000_01n, tiers);
    expect(parts.map((p) => [p.fromMinor, p.inTierMinor, p.earnedMinor])).toEqual([
      [0n, 100_000_00n, "5000000"],
      [100_000_00n, 50_000_01n, "3000000.6"],
    ]);
    const s = roundMinor(parts.reduce((a, p) => a.add(p.earnedMinor), new D(0)));
    expect(s).toBe(80_000_01n);
  });

  it("shows an untouched upper tier with nothing in it, and no tiers without tiers", () => {
    expect(tierParts(10n, tiers).map((p) => p.inTierMinor)).toEqual([10n, 0n]);
    expect(tierParts(10n, null)).toEqual([]);
  });
});

describe("explainWaterfall", () => {
  it("carries the statement, its reported expenses before the cap, and the figures of computeWaterfall", () => {
    const terms = waterfallTermsOf({
      distributionFeePct: { toString: () => "10" },
      expenseCapMinor: 500n,
      shareTiers: null,
      mgMinor: 1000n,
    });
    const steps = explainWaterfall(terms, [
      { id: "a", periodStart: "2026-01-01", periodEnd: "2026-03-31", grossMinor: 1000n, expensesMinor: 400n },
      { id: "b", periodStart: "2026-04-01", periodEnd: "2026-06-30", grossMinor: 3000n, expensesMinor: 400n },
    ]);
    expect(steps[1]).toMatchObject({
      statementId: "b",
      reportedExpenses: { cumulative: 800n, period: 400n },
      cumulative: { gross: 4000n, fee: 400n, expenses: 500n, net: 3100n, licensorShare: 3100n, overage: 2100n },
      period: { gross: 3000n, fee: 300n, expenses: 100n, net: 2600n, licensorShare: 2600n, overage: 2100n },
      tiers: [],
    });
  });

  it("reads tiers stored as JSON strings of minor units", () => {
    const terms = waterfallTermsOf({
      distributionFeePct: null,
      expenseCapMinor: null,
      shareTiers: [{ upToMinor: "100", pct: "50" }],
      mgMinor: null,
    });
    expect(terms.shareTiers).toEqual([{ upToMinor: 100n, pct: "50" }]);
    expect(waterfallTermsOf({ distributionFeePct: null, expenseCapMinor: null, shareTiers: [], mgMinor: null }).shareTiers).toBeNull();
  });
});

describe("tierParts, tiers out of the usual shape", () => {
  it("stops at an open-ended tier even when more tiers follow it", () => {
    const parts = tierParts(500n, [
      { upToMinor: null, pct: "50" },
      { upToMinor: 1_000n, pct: "60" },
    ]);
    expect(parts).toEqual([{ fromMinor: 0n, upToMinor: null, pct: "50", inTierMinor: 500n, earnedMinor: "250" }]);
  });

  it("never lowers the floor when a bound falls below the previous one", () => {
    const parts = tierParts(300n, [
      { upToMinor: 200n, pct: "10" },
      { upToMinor: 100n, pct: "20" },
      { upToMinor: null, pct: "30" },
    ]);
    expect(parts.map((p) => [p.fromMinor, p.upToMinor, p.inTierMinor, p.earnedMinor])).toEqual([
      [0n, 200n, 200n, "20"],
      [200n, 100n, 0n, "0"],
      [200n, null, 100n, "30"],
    ]);
  });

  it("puts N exactly on a bound wholly in the lower tier", () => {
    expect(
      tierParts(100n, [
        { upToMinor: 100n, pct: "50" },
        { upToMinor: null, pct: "60" },
      ]).map((p) => p.inTierMinor),
    ).toEqual([100n, 0n]);
    expect(tierParts(0n, [{ upToMinor: null, pct: "60" }])).toEqual([
      { fromMinor: 0n, upToMinor: null, pct: "60", inTierMinor: 0n, earnedMinor: "0" },
    ]);
  });
});

describe("presentExplainedStep", () => {
  it("gives every figure as Money with the currency's digits, and tier earnings exact in major units", () => {
    const terms = waterfallTermsOf({
      distributionFeePct: { toString: () => "10" },
      expenseCapMinor: 50_00n,
      shareTiers: [
        { upToMinor: "1000", pct: "50" },
        { upToMinor: null, pct: "33.3333" },
      ],
      mgMinor: 5_00n,
    });
    const [step] = explainWaterfall(terms, [
      { id: "s1", periodStart: "2026-01-01", periodEnd: "2026-03-31", grossMinor: 20_01n, expensesMinor: 5_00n },
    ]);
    const usd = (amount: string) => ({ amount, currency: "USD" });
    // G 20.01, F 2.00 (200.1 → 200), E 5.00, N 13.01; S = 10.00 × 50% + 3.01 × 33.3333% = 6.00333233 → 6.00;
    // O = 6.00 − MG 5.00 = 1.00.
    expect(presentExplainedStep(step!, "USD", 2)).toEqual({
      statementId: "s1",
      periodStart: "2026-01-01",
      periodEnd: "2026-03-31",
      cumulative: {
        gross: usd("20.01"),
        fee: usd("2.00"),
        expenses: usd("5.00"),
        net: usd("13.01"),
        licensorShare: usd("6.00"),
        overage: usd("1.00"),
      },
      period: {
        gross: usd("20.01"),
        fee: usd("2.00"),
        expenses: usd("5.00"),
        net: usd("13.01"),
        licensorShare: usd("6.00"),
        overage: usd("1.00"),
      },
      reportedExpenses: { cumulative: usd("5.00"), period: usd("5.00") },
      tiers: [
        { from: usd("0.00"), upTo: usd("10.00"), pct: "50", inTier: usd("10.00"), earned: "5" },
        { from: usd("10.00"), upTo: null, pct: "33.3333", inTier: usd("3.01"), earned: "1.00333233" },
      ],
    });
  });

  it("divides tier earnings by the currency's own exponent", () => {
    const terms = waterfallTermsOf({
      distributionFeePct: null,
      expenseCapMinor: null,
      shareTiers: [
        { upToMinor: "1000", pct: "50" },
        { upToMinor: null, pct: "33.3333" },
      ],
      mgMinor: null,
    });
    const [step] = explainWaterfall(terms, [
      { id: "s1", periodStart: "2026-01-01", periodEnd: "2026-03-31", grossMinor: 1_003n, expensesMinor: 0n },
    ]);
    expect(presentExplainedStep(step!, "BHD", 3).tiers).toEqual([
      {
        from: { amount: "0.000", currency: "BHD" },
        upTo: { amount: "1.000", currency: "BHD" },
        pct: "50",
        inTier: { amount: "1.000", currency: "BHD" },
        earned: "0.5",
      },
      {
        from: { amount: "1.000", currency: "BHD" },
        upTo: null,
        pct: "33.3333",
        inTier: { amount: "0.003", currency: "BHD" },
        earned: "0.000999999",
      },
    ]);
    expect(presentExplainedStep(step!, "JPY", 0).tiers[1]!.earned).toBe("0.999999");
  });
});
