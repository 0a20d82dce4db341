import { describe, expect, it } from "vitest";
import { D, roundMinor } from "@/lib/money/money";
import { explainWaterfall, tierParts, waterfallTermsOf } from "./explain";

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
