import { dateOnly } from "@/lib/dates";
import { toCsv } from "@/lib/files/csv";
import { moneyOf } from "@/lib/money/currency";
import type { Money } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { type ExplainedStepView, presentExplainedStep } from "./explain";
import type { CreatorStatementRow, DealBalance } from "./queries";
import type { WaterfallFigures, WaterfallStep } from "./rules";
import type { DealWaterfall } from "./waterfall";

/** API shapes of statements, waterfalls, receipts and balances: Money in the deal's currency, dates YYYY-MM-DD. */

export type WaterfallView = {
  cumulative: Record<keyof WaterfallFigures, Money>;
  period: Record<keyof WaterfallFigures, Money>;
};

export function presentWaterfall(step: WaterfallStep, currency: string): WaterfallView {
  const money = moneyOf(currency);
  const figures = (f: WaterfallFigures) => ({
    gross: money(f.gross),
    fee: money(f.fee),
    expenses: money(f.expenses),
    net: money(f.net),
    licensorShare: money(f.licensorShare),
    overage: money(f.overage),
  });
  return { cumulative: figures(step.cumulative), period: figures(step.period) };
}

type StatementRow = {
  id: string;
  dealId: string;
  periodStart: Date;
  periodEnd: Date;
  currency: string;
  status: string;
  counting: boolean;
  supersedesId: string | null;
  grossMinor: bigint;
  expensesMinor: bigint;
  lineCount: number;
  source: string;
  disputeReason: string | null;
  submittedById: string | null;
  decidedAt: Date | null;
  decidedById: string | null;
  createdAt: Date;
  supersededBy?: { id: string } | null;
};

/**
 * A statement with its waterfall. `counting` says whether it is part of the deal's waterfall;
 * `waterfallHypothetical` is true when it is not (DISPUTED or superseded) and its waterfall is
 * computed as if it counted (the counting statements before its period, then it).
 */
export function presentStatement(s: StatementRow, wf: DealWaterfall) {
  const money = moneyOf(s.currency);
  const found = wf.stepOf(s.id);
  return {
    id: s.id,
    dealId: s.dealId,
    periodStart: dateOnly(s.periodStart),
    periodEnd: dateOnly(s.periodEnd),
    currency: s.currency,
    status: s.status,
    counting: s.counting,
    superseded: Boolean(s.supersededBy),
    supersedesId: s.supersedesId,
    supersededById: s.supersededBy?.id ?? null,
    gross: money(s.grossMinor),
    expenses: money(s.expensesMinor),
    lineCount: s.lineCount,
    source: s.source,
    disputeReason: s.disputeReason,
    submittedById: s.submittedById,
    decidedAt: s.decidedAt?.toISOString() ?? null,
    decidedById: s.decidedById,
    createdAt: s.createdAt.toISOString(),
    waterfall: found ? presentWaterfall(found.step, s.currency) : null,
    waterfallHypothetical: found?.hypothetical ?? false,
  };
}
export type StatementView = ReturnType<typeof presentStatement>;

/** The deal's terms that drive the waterfall, as the step explanation shows them. */
export function presentTerms(wf: DealWaterfall, currency: string) {
  const money = moneyOf(currency);
  const t = wf.terms;
  return {
    distributionFeePct: t.distributionFeePct,
    expenseCap: t.expenseCapMinor === null ? null : money(t.expenseCapMinor),
    shareTiers: (t.shareTiers ?? []).map((tier) => ({ upTo: tier.upToMinor === null ? null : money(tier.upToMinor), pct: tier.pct })),
    minimumGuarantee: t.mgMinor === null ? null : money(t.mgMinor),
  };
}

/**
 * The step-by-step explanation of one statement's waterfall: each figure's rule and its inputs,
 * cumulative and for the period (the UI words the rules; `rule` here is for API readers).
 */
export function presentSteps(statementId: string, wf: DealWaterfall, currency: string) {
  const found = wf.stepOf(statementId);
  if (!found) return null;
  const view: ExplainedStepView = presentExplainedStep(found.step, currency, minorUnits(currency));
  const terms = presentTerms(wf, currency);
  return {
    hypothetical: found.hypothetical,
    terms,
    reportedExpenses: view.reportedExpenses,
    tiers: view.tiers,
    steps: [
      { key: "gross", symbol: "G", rule: "G = Σ gross of the counting statements to date" },
      {
        key: "fee",
        symbol: "F",
        rule: "F = round(G × distributionFeePct / 100); 0 without a fee",
        inputs: { distributionFeePct: terms.distributionFeePct },
      },
      {
        key: "expenses",
        symbol: "E",
        rule: "E = min(Σ reported expenses, expenseCap); 0 without a cap",
        inputs: { reportedExpenses: view.reportedExpenses, expenseCap: terms.expenseCap },
      },
      { key: "net", symbol: "N", rule: "N = max(0, G − F − E)" },
      {
        key: "licensorShare",
        symbol: "S",
        rule: "S = round(Σ part of N in each tier × its pct / 100); S = N without tiers",
        inputs: { tiers: view.tiers },
      },
      { key: "overage", symbol: "O", rule: "O = max(0, S − MG)", inputs: { minimumGuarantee: terms.minimumGuarantee } },
    ].map((step) => ({
      ...step,
      cumulative: view.cumulative[step.key as keyof WaterfallFigures],
      period: view.period[step.key as keyof WaterfallFigures],
    })),
  };
}

type ReceiptRow = {
  id: string;
  dealId: string;
  kind: string;
  currency: string;
  amountMinor: bigint;
  receivedOn: Date;
  instalmentIndex: number | null;
  creatorsTotalMinor: bigint;
  facilityMinor: bigint;
  studioMinor: bigint;
  recordedById: string | null;
  createdAt: Date;
  creatorShares: { name: string; amountMinor: bigint; participantId: string | null; position: number }[];
};

export function presentReceipt(r: ReceiptRow) {
  const money = moneyOf(r.currency);
  return {
    id: r.id,
    dealId: r.dealId,
    kind: r.kind,
    amount: money(r.amountMinor),
    receivedOn: dateOnly(r.receivedOn),
    instalmentIndex: r.instalmentIndex,
    split: {
      creators: [...r.creatorShares]
        .sort((a, b) => a.position - b.position)
        .map((s) => ({ name: s.name, participantId: s.participantId, amount: money(s.amountMinor) })),
      creatorsTotal: money(r.creatorsTotalMinor),
      facility: money(r.facilityMinor),
      studio: money(r.studioMinor),
    },
    recordedById: r.recordedById,
    createdAt: r.createdAt.toISOString(),
  };
}
export type ReceiptView = ReturnType<typeof presentReceipt>;

/** API shape of a deal's balance: MG contracted and received, overage due and received, per instalment. */
export function presentBalance(b: DealBalance, currency: string) {
  const money = moneyOf(currency);
  return {
    mgContracted: money(b.mgContractedMinor),
    mgReceived: money(b.mgReceivedMinor),
    overageDue: money(b.overageDueMinor),
    overageReceived: money(b.overageReceivedMinor),
    mgOpen: money(b.mgContractedMinor - b.mgReceivedMinor),
    overageOpen: money(b.overageDueMinor - b.overageReceivedMinor),
    instalments: b.instalments.map((i) => ({
      index: i.index,
      amount: money(i.amountMinor),
      received: money(i.receivedMinor),
      open: money(i.openMinor),
      dueDate: i.dueDate ? dateOnly(i.dueDate) : null,
      trigger: i.trigger,
    })),
  };
}

/** Creator statements as CSV (one row per participant × deal × period). */
export function creatorStatementsCsv(rows: CreatorStatementRow[]): string {
  const header = ["deal", "participant", "role", "period", "period_start", "period_end", "receipts", "amount", "currency"];
  return toCsv(
    header,
    rows.map((r) => [
      r.dealName,
      r.name,
      r.role ?? "",
      r.period,
      r.periodStart,
      r.periodEnd,
      r.receipts,
      r.amount.amount,
      r.amount.currency,
    ]),
    [6, 7],
  );
}
