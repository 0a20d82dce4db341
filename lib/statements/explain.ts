/**
 * The waterfall of a deal explained step by step for the statement page: for each counting
 * statement, the figures of `computeWaterfall` (the one rule) plus the inputs a reader needs to
 * check them by hand — reported expenses against the cap, the part of N inside each share tier and
 * what it earns. Pure; amounts are bigint minor units, tier earnings exact decimals in minor units.
 */
import { moneyOf } from "@/lib/money/currency";
import { D } from "@/lib/money/money";
import { computeWaterfall, type ShareTier, type WaterfallStep, type WaterfallTerms } from "./rules";

export type ExplainedStatement = { id: string; periodStart: string; periodEnd: string; grossMinor: bigint; expensesMinor: bigint };

export type TierPart = {
  /** Lower bound of the tier on cumulative N, minor units. */
  fromMinor: bigint;
  /** Upper bound, or null for the open-ended top tier. */
  upToMinor: bigint | null;
  pct: string;
  /** The part of cumulative N inside the tier, minor units. */
  inTierMinor: bigint;
  /** inTier × pct / 100 before rounding, as a decimal string of minor units. */
  earnedMinor: string;
};

export type ExplainedStep = WaterfallStep & {
  statementId: string;
  periodStart: string;
  periodEnd: string;
  /** Reported expenses summed over counting statements to date, before the cap. */
  reportedExpenses: { cumulative: bigint; period: bigint };
  /** Marginal tiers of cumulative N (empty when the deal has none: S = N). */
  tiers: TierPart[];
};

/** How cumulative N falls into the marginal tiers (the same walk as tieredShare). */
export function tierParts(net: bigint, tiers: readonly ShareTier[] | null): TierPart[] {
  // Stryker disable next-line ConditionalExpression: equivalent, an empty list walks no tier and gives [] too
  if (!tiers || tiers.length === 0) return [];
  const parts: TierPart[] = [];
  let floor = 0n;
  for (const tier of tiers) {
    // Stryker disable next-line EqualityOperator: equivalent, on a tie both branches give the same value
    const ceiling = tier.upToMinor === null ? net : net < tier.upToMinor ? net : tier.upToMinor;
    // Stryker disable next-line EqualityOperator: equivalent, on a tie both branches give 0
    const inTier = ceiling > floor ? ceiling - floor : 0n;
    parts.push({
      fromMinor: floor,
      upToMinor: tier.upToMinor,
      pct: tier.pct,
      inTierMinor: inTier,
      earnedMinor: new D(inTier.toString()).mul(tier.pct).div(100).toFixed(),
    });
    if (tier.upToMinor === null) break;
    // Stryker disable next-line EqualityOperator: equivalent, on a tie the floor is set to what it is
    if (tier.upToMinor > floor) floor = tier.upToMinor;
  }
  return parts;
}

/** Every counting statement of a deal (ordered by period) with its explained waterfall step. */
export function explainWaterfall(terms: WaterfallTerms, statements: readonly ExplainedStatement[]): ExplainedStep[] {
  const steps = computeWaterfall(terms, statements);
  let reported = 0n;
  return statements.map((s, i) => {
    reported += s.expensesMinor;
    const step = steps[i]!;
    return {
      ...step,
      statementId: s.id,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      reportedExpenses: { cumulative: reported, period: s.expensesMinor },
      tiers: tierParts(step.cumulative.net, terms.shareTiers),
    };
  });
}

/** Deal terms as stored (Prisma row fields) → the waterfall's terms. */
export function waterfallTermsOf(deal: {
  distributionFeePct: { toString(): string } | null;
  expenseCapMinor: bigint | null;
  shareTiers: unknown;
  mgMinor: bigint | null;
}): WaterfallTerms {
  const raw = Array.isArray(deal.shareTiers) ? (deal.shareTiers as { upToMinor: string | null; pct: string }[]) : [];
  return {
    distributionFeePct: deal.distributionFeePct === null ? null : deal.distributionFeePct.toString(),
    expenseCapMinor: deal.expenseCapMinor,
    shareTiers:
      raw.length === 0 ? null : raw.map((t) => ({ upToMinor: t.upToMinor === null ? null : BigInt(t.upToMinor), pct: String(t.pct) })),
    mgMinor: deal.mgMinor,
  };
}

export type MoneyView = { amount: string; currency: string };
type FiguresView = Record<keyof WaterfallStep["cumulative"], MoneyView>;
export type ExplainedStepView = {
  statementId: string;
  periodStart: string;
  periodEnd: string;
  cumulative: FiguresView;
  period: FiguresView;
  reportedExpenses: { cumulative: MoneyView; period: MoneyView };
  tiers: { from: MoneyView; upTo: MoneyView | null; pct: string; inTier: MoneyView; earned: string }[];
};

/** An explained step as the UI receives it: Money strings with the currency's exact digits. */
export function presentExplainedStep(step: ExplainedStep, currency: string, exponent: number): ExplainedStepView {
  const money: (minor: bigint) => MoneyView = moneyOf(currency);
  const figures = (f: WaterfallStep["cumulative"]): FiguresView => ({
    gross: money(f.gross),
    fee: money(f.fee),
    expenses: money(f.expenses),
    net: money(f.net),
    licensorShare: money(f.licensorShare),
    overage: money(f.overage),
  });
  return {
    statementId: step.statementId,
    periodStart: step.periodStart,
    periodEnd: step.periodEnd,
    cumulative: figures(step.cumulative),
    period: figures(step.period),
    reportedExpenses: { cumulative: money(step.reportedExpenses.cumulative), period: money(step.reportedExpenses.period) },
    tiers: step.tiers.map((t) => ({
      from: money(t.fromMinor),
      upTo: t.upToMinor === null ? null : money(t.upToMinor),
      pct: t.pct,
      inTier: money(t.inTierMinor),
      // Exact, in major units: the tier's earnings are summed before S is rounded.
      earned: new D(t.earnedMinor).div(new D(10).pow(exponent)).toFixed(),
    })),
  };
}
