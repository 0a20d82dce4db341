import { describe, expect, it } from "vitest";
import { acceptedTermsOf, waterfallOf } from "./waterfall";

const deal = { distributionFeePct: "10", expenseCapMinor: 1_000n, shareTiers: [{ upToMinor: null, pct: "50" }], mgMinor: 5_000n };

/**
 * A statement id as the database makes it: UUIDv7, whose first 48 bits are the filing time in
 * milliseconds, so ids sort by when a statement was filed, not by the period it covers.
 */
let serial = 0;
const filedAt = (iso: string) => {
  const ms = BigInt(Date.parse(iso)).toString(16).padStart(12, "0");
  const rest = (serial++).toString(16).padStart(15, "0");
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${rest.slice(0, 3)}-8${rest.slice(3, 6)}-${rest.slice(6).padStart(12, "0")}`;
};

const s = (id: string, start: string, end: string, gross: bigint, counting = true, expenses = 0n) => ({
  id,
  periodStart: new Date(`${start}T00:00:00Z`),
  periodEnd: new Date(`${end}T00:00:00Z`),
  grossMinor: gross,
  expensesMinor: expenses,
  counting,
});

describe("waterfallOf", () => {
  it("orders counting statements by period, not by id: a Q1 filed late (a later id) still comes first", () => {
    const q2 = filedAt("2027-07-10T09:00:00Z");
    const q3 = filedAt("2027-10-12T09:00:00Z");
    const q1 = filedAt("2027-11-02T09:00:00Z"); // filed last: the largest id of the three
    expect([q1, q2, q3].sort()).toEqual([q2, q3, q1]);
    for (const input of [
      [
        s(q2, "2027-04-01", "2027-06-30", 10_000n),
        s(q1, "2027-01-01", "2027-03-31", 10_000n, true, 2_000n),
        s(q3, "2027-07-01", "2027-09-30", 0n),
      ],
      [
        s(q3, "2027-07-01", "2027-09-30", 0n),
        s(q1, "2027-01-01", "2027-03-31", 10_000n, true, 2_000n),
        s(q2, "2027-04-01", "2027-06-30", 10_000n),
      ],
    ]) {
      const wf = waterfallOf(deal, input);
      expect(wf.steps.map((x) => x.statementId)).toEqual([q1, q2, q3]);
      // Q1 alone: G 10,000, F 1,000, E min(2,000, 1,000) = 1,000, N 8,000, S 4,000, under the MG.
      expect(wf.stepOf(q1)).toMatchObject({
        hypothetical: false,
        step: { periodStart: "2027-01-01", periodEnd: "2027-03-31", cumulative: { gross: 10_000n, licensorShare: 4_000n, overage: 0n } },
      });
      // Q1 + Q2: G 20,000, F 2,000, E 1,000, N 17,000, S 8,500, O 3,500.
      expect(wf.stepOf(q2)).toMatchObject({ hypothetical: false, step: { cumulative: { licensorShare: 8_500n, overage: 3_500n } } });
      expect(wf.stepOf(q3)!.step.period.overage).toBe(0n);
      expect(wf.overageDueMinor).toBe(3_500n);
    }
  });

  it("passes the terms through, fee, cap, tiers and MG as stored", () => {
    expect(waterfallOf(deal, []).terms).toEqual({
      distributionFeePct: "10",
      expenseCapMinor: 1_000n,
      shareTiers: [{ upToMinor: null, pct: "50" }],
      mgMinor: 5_000n,
    });
  });

  it("shows a statement that does not count as if it counted after the counting ones before its period, flagged", () => {
    const q1 = filedAt("2027-04-20T00:00:00Z");
    const q2Disputed = filedAt("2027-07-20T00:00:00Z");
    const q3 = filedAt("2027-10-20T00:00:00Z");
    const q2Correction = filedAt("2027-11-20T00:00:00Z");
    const wf = waterfallOf(deal, [
      s(q3, "2027-07-01", "2027-09-30", 2_000n),
      s(q2Correction, "2027-04-01", "2027-06-30", 6_000n),
      s(q2Disputed, "2027-04-01", "2027-06-30", 4_000n, false),
      s(q1, "2027-01-01", "2027-03-31", 10_000n),
    ]);
    expect(wf.steps.map((x) => x.statementId)).toEqual([q1, q2Correction, q3]);
    const disputed = wf.stepOf(q2Disputed)!;
    expect(disputed.hypothetical).toBe(true);
    expect(disputed.step.statementId).toBe(q2Disputed);
    expect(disputed.step.cumulative.gross).toBe(14_000n);
    expect(disputed.step.period.gross).toBe(4_000n);
    expect(wf.stepOf(q2Correction)).toMatchObject({ hypothetical: false, step: { cumulative: { gross: 16_000n } } });
    expect(wf.stepOf(q3)!.step.cumulative.gross).toBe(18_000n);
    expect(wf.stepOf("unknown")).toBeNull();
  });

  it("counts before a statement that does not count only the periods that end before it starts (dates are inclusive)", () => {
    const wf = waterfallOf(deal, [
      s("jan", "2027-01-01", "2027-01-31", 1_000n),
      // Ends on the day the disputed statement starts: the two share a day, so it is not "before".
      s("feb", "2027-02-01", "2027-03-01", 2_000n),
      s("disputed", "2027-03-01", "2027-03-31", 500n, false),
    ]);
    expect(wf.stepOf("disputed")).toMatchObject({ hypothetical: true, step: { cumulative: { gross: 1_500n }, period: { gross: 500n } } });
  });

  it("has no overage due before any statement, nor when only statements that do not count exist", () => {
    expect(waterfallOf(deal, []).overageDueMinor).toBe(0n);
    const wf = waterfallOf(deal, [s("disputed", "2027-01-01", "2027-03-31", 100_000n, false)]);
    expect(wf.steps).toEqual([]);
    expect(wf.overageDueMinor).toBe(0n);
    expect(wf.stepOf("disputed")).toMatchObject({ hypothetical: true, step: { cumulative: { overage: 40_000n } } });
  });
});

describe("accepted statements keep the terms they were accepted under", () => {
  const accepted = (terms: { mg: bigint; cap: bigint }) => ({
    mgMinor: terms.mg.toString(),
    expenseCapMinor: terms.cap.toString(),
    distributionFeePct: "10",
    shareTiers: [{ upToMinor: null, pct: "50" }],
  });

  it("computes an accepted statement under its accepted cap and MG, later ones under the deal's current terms", () => {
    const q1 = filedAt("2027-04-20T00:00:00Z");
    const q2 = filedAt("2027-07-20T00:00:00Z");
    // Amended later: expense cap 1,000 → 3,000, MG 5,000 → 4,000.
    const amended = { ...deal, expenseCapMinor: 3_000n, mgMinor: 4_000n };
    const statements = [
      { ...s(q1, "2027-01-01", "2027-03-31", 10_000n, true, 2_000n), acceptedTerms: accepted({ mg: 5_000n, cap: 1_000n }) },
      s(q2, "2027-04-01", "2027-06-30", 10_000n, true, 2_000n),
    ];
    const wf = waterfallOf(amended, statements);
    // Q1 as accepted: E min(2,000, 1,000) = 1,000, N 8,000, S 4,000, O 0 (MG 5,000) — as before the amendment.
    expect(wf.stepOf(q1)!.step.cumulative).toEqual({
      gross: 10_000n,
      fee: 1_000n,
      expenses: 1_000n,
      net: 8_000n,
      licensorShare: 4_000n,
      overage: 0n,
    });
    expect(wf.stepOf(q1)).toEqual(waterfallOf(deal, statements.slice(0, 1)).stepOf(q1));
    // Q2 under the amended terms: G 20,000, F 2,000, E min(4,000, 3,000) = 3,000, N 15,000, S 7,500, O 3,500.
    expect(wf.stepOf(q2)!.step.cumulative).toMatchObject({ expenses: 3_000n, net: 15_000n, licensorShare: 7_500n, overage: 3_500n });
    // Periods are measured from the previous step as shown: they add up to the latest cumulative.
    expect(wf.stepOf(q2)!.step.period).toMatchObject({ expenses: 2_000n, licensorShare: 3_500n, overage: 3_500n });
    expect(wf.overageDueMinor).toBe(3_500n);
    // Without accepted terms every statement is reckoned under the current terms.
    expect(
      waterfallOf(
        amended,
        statements.map((x) => ({ ...x, acceptedTerms: null })),
      ).stepOf(q1)!.step.cumulative.expenses,
    ).toBe(2_000n);
  });

  it("reads terms as stored (strings, nulls) and ignores what is not an object", () => {
    expect(acceptedTermsOf(null)).toBeNull();
    expect(acceptedTermsOf("x")).toBeNull();
    expect(acceptedTermsOf({ mgMinor: null, expenseCapMinor: "250", distributionFeePct: null, shareTiers: null })).toEqual({
      mgMinor: null,
      expenseCapMinor: 250n,
      distributionFeePct: null,
      shareTiers: null,
    });
  });
});
