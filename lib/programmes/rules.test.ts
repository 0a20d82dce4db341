import { describe, expect, it } from "vitest";
import {
  awardPreview,
  canonicalJson,
  canTransition,
  checkBudget,
  evaluateCriteria,
  evidenceChanges,
  failedCriteria,
  isOpen,
  type MetricValues,
  metricsWindow,
  payable,
  subtractMonths,
} from "./rules";

const terms = {
  receiptsMatchPct: "12.5",
  perVersionBonusMinor: 500_000n,
  perMarketTestBonusMinor: 100_000n,
  capPerApplicationMinor: 20_000_000n,
};

describe("award formula", () => {
  it("matches receipts (half-even once), adds the bonuses, and caps", () => {
    // 1,000.04 × 12.5 % = 125.005 → 125.00 (half-even to the fen).
    expect(awardPreview(terms, { foreignReceiptsMinor: 100_004n, versions: 2, marketTests: 3 })).toEqual({
      matched: 12_500n,
      versionBonus: 1_000_000n,
      marketTestBonus: 300_000n,
      total: 1_312_500n,
      capped: false,
      amount: 1_312_500n,
    });
    expect(awardPreview(terms, { foreignReceiptsMinor: 100_012n, versions: 0, marketTests: 0 }).matched).toBe(12_502n); // 12501.5 → 12502
    expect(awardPreview(terms, { foreignReceiptsMinor: 100_020n, versions: 0, marketTests: 0 }).matched).toBe(12_502n); // 12502.5 → 12502
  });

  it("caps at capPerApplication, and a total exactly at the cap is not capped", () => {
    const big = awardPreview(terms, { foreignReceiptsMinor: 1_000_000_000n, versions: 1, marketTests: 1 });
    expect(big).toMatchObject({ total: 125_600_000n, capped: true, amount: 20_000_000n });
    const exact = awardPreview({ ...terms, capPerApplicationMinor: 600_000n }, { foreignReceiptsMinor: 0n, versions: 1, marketTests: 1 });
    expect(exact).toMatchObject({ total: 600_000n, capped: false, amount: 600_000n });
    const over = awardPreview({ ...terms, capPerApplicationMinor: 599_999n }, { foreignReceiptsMinor: 0n, versions: 1, marketTests: 1 });
    expect(over).toMatchObject({ capped: true, amount: 599_999n });
  });

  it("is zero without evidence", () => {
    expect(awardPreview(terms, { foreignReceiptsMinor: 0n, versions: 0, marketTests: 0 }).amount).toBe(0n);
  });
});

const values: MetricValues = {
  FOREIGN_RECEIPTS: "1000.00",
  RECEIPTS_PAYMENTS_RATIO: "1.5000",
  INTERNATIONAL_VERSIONS: "2",
  MARKET_TESTS: "0",
  LICENSED_COUNTRIES: "3",
};

describe("criteria", () => {
  it("meets a minimum at equality and fails just below, comparing decimals not strings", () => {
    const r = evaluateCriteria(
      [
        { metric: "FOREIGN_RECEIPTS", min: "1000.00" },
        { metric: "FOREIGN_RECEIPTS", min: "1000.01" },
        { metric: "RECEIPTS_PAYMENTS_RATIO", min: "1.5" },
        { metric: "RECEIPTS_PAYMENTS_RATIO", min: "1.50001" },
        { metric: "INTERNATIONAL_VERSIONS", min: "10" },
        { metric: "LICENSED_COUNTRIES", min: "3" },
        { metric: "MARKET_TESTS", min: "0" },
      ],
      values,
      true,
    );
    expect(r.map((c) => c.met)).toEqual([true, false, true, false, false, true, true]);
    expect(r[0]).toEqual({ metric: "FOREIGN_RECEIPTS", min: "1000.00", value: "1000.00", met: true });
    expect(failedCriteria(r).map((c) => c.min)).toEqual(["1000.01", "1.50001", "10"]);
  });

  it("a ratio without payments is met by any positive receipts, and only then", () => {
    const noPayments = { ...values, RECEIPTS_PAYMENTS_RATIO: null };
    expect(evaluateCriteria([{ metric: "RECEIPTS_PAYMENTS_RATIO", min: "100" }], noPayments, true)[0]).toMatchObject({
      value: null,
      met: true,
    });
    expect(evaluateCriteria([{ metric: "RECEIPTS_PAYMENTS_RATIO", min: "0" }], noPayments, false)[0]!.met).toBe(false);
  });
});

describe("windows", () => {
  it("looks back whole months, clamping the day to the month's end", () => {
    expect(subtractMonths("2026-06-30", 6)).toBe("2025-12-30");
    expect(subtractMonths("2026-03-31", 1)).toBe("2026-02-28");
    expect(subtractMonths("2024-03-31", 1)).toBe("2024-02-29");
    expect(subtractMonths("2026-01-15", 1)).toBe("2025-12-15");
    expect(subtractMonths("2026-12-07", 36)).toBe("2023-12-07");
    expect(subtractMonths("2026-12-07", 12)).toBe("2025-12-07");
    expect(metricsWindow("2026-05-31", 3)).toEqual({ from: "2026-02-28", to: "2026-05-31" });
    expect(() => subtractMonths("2026-13-01x", 1)).toThrow(RangeError);
  });

  it("a programme is open from opensOn to closesOn, both days included", () => {
    const p = { opensOn: "2026-01-01", closesOn: "2026-06-30" };
    expect(isOpen(p, "2025-12-31")).toBe(false);
    expect(isOpen(p, "2026-01-01")).toBe(true);
    expect(isOpen(p, "2026-06-30")).toBe(true);
    expect(isOpen(p, "2026-07-01")).toBe(false);
  });
});

describe("statuses and money", () => {
  it("moves SUBMITTED → IN_REVIEW → AWARDED | DECLINED, AWARDED → PAID only", () => {
    expect(canTransition("SUBMITTED", "IN_REVIEW")).toBe(true);
    expect(canTransition("SUBMITTED", "AWARDED")).toBe(false);
    expect(canTransition("IN_REVIEW", "AWARDED")).toBe(true);
    expect(canTransition("IN_REVIEW", "DECLINED")).toBe(true);
    expect(canTransition("AWARDED", "PAID")).toBe(true);
    expect(canTransition("DECLINED", "AWARDED")).toBe(false);
    expect(canTransition("PAID", "AWARDED")).toBe(false);
  });

  it("the budget takes an award that fits exactly and refuses one unit more, with the numbers", () => {
    expect(checkBudget(1000n, 400n, 600n)).toEqual({ ok: true });
    expect(checkBudget(1000n, 400n, 601n)).toEqual({ ok: false, budget: 1000n, committed: 400n, requested: 601n, available: 600n });
    expect(checkBudget(1000n, 1200n, 1n)).toMatchObject({ ok: false, available: 0n });
  });

  it("payable is awarded − paid out, never negative", () => {
    expect(payable(1000n, 400n)).toBe(600n);
    expect(payable(1000n, 1000n)).toBe(0n);
    expect(payable(1000n, 1200n)).toBe(0n);
  });
});

describe("snapshots", () => {
  it("canonical JSON sorts keys at every level and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it("names what was removed, added or changed in the evidence", () => {
    const before = {
      receipts: [
        { receiptId: "r1", converted: { amount: "10.00" } },
        { receiptId: "r2", converted: { amount: "20.00" } },
      ],
      versions: [{ versionId: "v1" }],
      marketTests: [{ id: "t1" }],
      countries: ["TH"],
      statements: [{ statementId: "s1" }],
    };
    const now = {
      receipts: [
        { receiptId: "r1", converted: { amount: "10.00" } },
        { receiptId: "r2", converted: { amount: "20.01" } },
        { receiptId: "r3", converted: { amount: "1.00" } },
      ],
      versions: [],
      marketTests: [{ id: "t1" }],
      countries: ["TH", "VN"],
      statements: [{ statementId: "s2" }],
    };
    expect(evidenceChanges(before, now)).toEqual([
      { kind: "RECEIPT", id: "r3", change: "ADDED" },
      { kind: "RECEIPT", id: "r2", change: "CHANGED" },
      { kind: "VERSION", id: "v1", change: "REMOVED" },
      { kind: "COUNTRY", id: "VN", change: "ADDED" },
      { kind: "STATEMENT", id: "s1", change: "REMOVED" },
      { kind: "STATEMENT", id: "s2", change: "ADDED" },
    ]);
    expect(evidenceChanges(before, before)).toEqual([]);
  });
});
