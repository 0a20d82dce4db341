import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { dateOnly } from "@/lib/deals/dates";
import { type ExplainedStatement, type ExplainedStep, explainWaterfall, waterfallTermsOf } from "./explain";
import type { WaterfallTerms } from "./rules";

/**
 * The waterfall of a deal from the database: the deal's counting statements ordered by period,
 * their stored sums (gross_minor, expenses_minor — lines are never loaded), through
 * `computeWaterfall` (via explainWaterfall, which adds the inputs of each step).
 *
 * A statement that does not count (DISPUTED, or superseded by a correction) has no place in the
 * deal's waterfall. It is shown "as if it counted": the counting statements whose period ends
 * before it starts, followed by it — flagged `hypothetical` so no one takes it for money due.
 */

type Db = Pick<Prisma.TransactionClient, "statement">;

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
};

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
  const steps = explainWaterfall(terms, counting.map(explained));
  const index = new Map(steps.map((s) => [s.statementId, s]));
  const all = new Map(statements.map((s) => [s.id, s]));
  const stepOf = (id: string) => {
    const found = index.get(id);
    if (found) return { step: found, hypothetical: false };
    const s = all.get(id);
    if (!s) return null;
    const before = counting.filter((c) => c.periodEnd.getTime() < s.periodStart.getTime());
    const hypothetical = explainWaterfall(terms, [...before, s].map(explained));
    return { step: hypothetical[hypothetical.length - 1]!, hypothetical: true };
  };
  const last = steps[steps.length - 1];
  return { terms, steps, stepOf, overageDueMinor: last ? last.cumulative.overage : 0n };
}

const sumsSelect = { id: true, periodStart: true, periodEnd: true, grossMinor: true, expensesMinor: true, counting: true } as const;

// Stryker disable all: database I/O, proven by the integration tests (the mutation run is unit tests only)
/** Loads every statement's sums of a deal and computes its waterfall. */
export async function loadDealWaterfall(db: Db, deal: TermsRow & { id: string }): Promise<DealWaterfall> {
  const statements = await db.statement.findMany({ where: { dealId: deal.id }, select: sumsSelect });
  return waterfallOf(deal, statements);
}
// Stryker restore all
