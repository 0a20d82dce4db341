import { dateOnly } from "@/lib/dates";
import { type ExplainedStatement, type ExplainedStep, explainWaterfall, waterfallTermsOf } from "./explain";
import type { WaterfallTerms } from "./rules";

/**
 * The waterfall of a deal from its statements' stored sums (gross_minor, expenses_minor — lines
 * are never loaded; lib/statements/queries.ts loads the sums): the counting statements ordered by
 * period, through `computeWaterfall` (via explainWaterfall, which adds the inputs of each step).
 * Pure.
 *
 * A statement that does not count (DISPUTED, or superseded by a correction) has no place in the
 * deal's waterfall. It is shown "as if it counted": the counting statements whose period ends
 * before it starts, followed by it — flagged `hypothetical` so no one takes it for money due.
 *
 * Statements already accepted keep the terms they were accepted under (`statement.accepted_terms`,
 * frozen at acceptance): an amendment changing the MG or the expense cap later does not change
 * their figures. Each counting statement's cumulative figures are the one cumulative formula over
 * the statements up to it, under its own terms (accepted terms, or the deal's current ones);
 * its period figures are its cumulative minus the previous step's cumulative as shown, so the
 * periods still add up to the latest cumulative.
 */

export type TermsRow = {
  distributionFeePct: { toString(): string } | null;
  expenseCapMinor: bigint | null;
  shareTiers: unknown;
  mgMinor: bigint | null;
};

export type StatementSums = {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  grossMinor: bigint;
  expensesMinor: bigint;
  counting: boolean;
  /** The terms it was accepted under (JSON as stored), or null/absent: the deal's current terms. */
  acceptedTerms?: unknown;
};

type StoredTerms = { mgMinor?: string | null; expenseCapMinor?: string | null; distributionFeePct?: string | null; shareTiers?: unknown };

/** A statement's accepted terms as waterfall terms, or null when it has none. */
export function acceptedTermsOf(stored: unknown): WaterfallTerms | null {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return null;
  const t = stored as StoredTerms;
  const big = (v: string | null | undefined) => (v === null || v === undefined ? null : BigInt(v));
  return waterfallTermsOf({
    mgMinor: big(t.mgMinor),
    expenseCapMinor: big(t.expenseCapMinor),
    distributionFeePct: t.distributionFeePct ?? null,
    shareTiers: t.shareTiers ?? null,
  });
}

const sameTerms = (a: WaterfallTerms, b: WaterfallTerms) =>
  JSON.stringify(a, (_, v) => (typeof v === "bigint" ? v.toString() : v)) ===
  JSON.stringify(b, (_, v) => (typeof v === "bigint" ? v.toString() : v));

const FIGURES = ["gross", "fee", "expenses", "net", "licensorShare", "overage"] as const;

/** The steps of the counting statements, each under its own terms (see the module comment). */
function stepsUnder(current: WaterfallTerms, counting: readonly StatementSums[]): ExplainedStep[] {
  const termsOf = counting.map((s) => acceptedTermsOf(s.acceptedTerms) ?? current);
  if (termsOf.every((t) => sameTerms(t, current))) return explainWaterfall(current, counting.map(explained));
  const steps: ExplainedStep[] = [];
  counting.forEach((_, i) => {
    const step = explainWaterfall(termsOf[i]!, counting.slice(0, i + 1).map(explained))[i]!;
    const previous = steps[i - 1]?.cumulative;
    const period = previous
      ? (Object.fromEntries(FIGURES.map((k) => [k, step.cumulative[k] - previous[k]])) as ExplainedStep["period"])
      : step.period;
    steps.push({ ...step, period });
  });
  return steps;
}

const explained = (s: StatementSums): ExplainedStatement => ({
  id: s.id,
  periodStart: dateOnly(s.periodStart),
  periodEnd: dateOnly(s.periodEnd),
  grossMinor: s.grossMinor,
  expensesMinor: s.expensesMinor,
});

const byPeriod = (a: StatementSums, b: StatementSums) => a.periodStart.getTime() - b.periodStart.getTime() || a.id.localeCompare(b.id);

export type DealWaterfall = {
  terms: WaterfallTerms;
  /** Steps of the counting statements, in period order. */
  steps: ExplainedStep[];
  /** Each statement's step (counting: its place in the waterfall; not counting: as if it counted). */
  stepOf: (statementId: string) => { step: ExplainedStep; hypothetical: boolean } | null;
  /** Cumulative overage O after the latest counting statement (0 before any). */
  overageDueMinor: bigint;
};

/** The waterfall of a set of statements of one deal (all of them: counting or not). */
export function waterfallOf(deal: TermsRow, statements: readonly StatementSums[]): DealWaterfall {
  const terms = waterfallTermsOf(deal);
  const counting = statements.filter((s) => s.counting).sort(byPeriod);
  const steps = stepsUnder(terms, counting);
  const index = new Map(steps.map((s) => [s.statementId, s]));
  const all = new Map(statements.map((s) => [s.id, s]));
  const stepOf = (id: string) => {
    const found = index.get(id);
    if (found) return { step: found, hypothetical: false };
    const s = all.get(id);
    if (!s) return null;
    const before = counting.filter((c) => c.periodEnd.getTime() < s.periodStart.getTime());
    const hypothetical = stepsUnder(terms, [...before, s]);
    return { step: hypothetical[hypothetical.length - 1]!, hypothetical: true };
  };
  const last = steps[steps.length - 1];
  return { terms, steps, stepOf, overageDueMinor: last ? last.cumulative.overage : 0n };
}
