import { describe, expect, it } from "vitest";
import { waterfallOf } from "./waterfall";

const deal = { distributionFeePct: "10", expenseCapMinor: 1_000n, shareTiers: [{ upToMinor: null, pct: "50" }], mgMinor: 5_000n };
const s = (id: string, start: string, end: string, gross: bigint, counting = true, expenses = 0n) => ({
  id,
  periodStart: new Date(`${start}T00:00:00Z`),
  periodEnd: new Date(`${end}T00:00:00Z`),
  grossMinor: gross,
  expensesMinor: expenses,
  counting,
});

describe("waterfallOf", () => {
  it("orders counting statements by period whatever order they come in, and says the overage due", () => {
    const wf = waterfallOf(deal, [
      s("q2", "2027-04-01", "2027-06-30", 10_000n),
      s("q1", "2027-01-01", "2027-03-31", 10_000n, true, 2_000n),
    ]);
    expect(wf.steps.map((x) => x.statementId)).toEqual(["q1", "q2"]);
    // G 20,000, F 2,000, E min(2,000, 1,000), N 17,000, S 8,500, O 3,500.
    expect(wf.stepOf("q2")).toMatchObject({ hypothetical: false, step: { cumulative: { licensorShare: 8_500n, overage: 3_500n } } });
    expect(wf.overageDueMinor).toBe(3_500n);
  });

  it("shows a statement that does not count as if it counted after the counting ones before its period, flagged", () => {
    const wf = waterfallOf(deal, [
      s("q1", "2027-01-01", "2027-03-31", 10_000n),
      s("q2-disputed", "2027-04-01", "2027-06-30", 4_000n, false),
      s("q2-correction", "2027-04-01", "2027-06-30", 6_000n),
      s("q3", "2027-07-01", "2027-09-30", 2_000n),
    ]);
    expect(wf.steps.map((x) => x.statementId)).toEqual(["q1", "q2-correction", "q3"]);
    const disputed = wf.stepOf("q2-disputed")!;
    expect(disputed.hypothetical).toBe(true);
    expect(disputed.step.cumulative.gross).toBe(14_000n);
    expect(disputed.step.period.gross).toBe(4_000n);
    expect(wf.stepOf("q3")!.step.cumulative.gross).toBe(18_000n);
    expect(wf.stepOf("unknown")).toBeNull();
  });

  it("has no overage due before any statement", () => {
    expect(waterfallOf(deal, []).overageDueMinor).toBe(0n);
  });
});
