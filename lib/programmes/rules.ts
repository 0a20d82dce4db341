/**
 * Export-outcome incentive programmes (issue 14): pure rules, no I/O.
 *
 * - **Window**: a studio's metrics are measured over `[asOf − lookbackMonths, asOf]`, both days
 *   included; subtracting months keeps the day of the month, clamped to the month's last day
 *   (2026-03-31 − 1 month = 2026-02-28).
 * - **Criteria**: `[{metric, min}]`, each met when the value is at least `min` (decimal
 *   comparison). The receipts ÷ payments ratio is null without payments; then the criterion is
 *   met by any positive receipts.
 * - **Award**: `amount = min(capPerApplication, round(FOREIGN_RECEIPTS × receiptsMatchPct / 100)
 *   + perVersionBonus × INTERNATIONAL_VERSIONS + perMarketTestBonus × MARKET_TESTS)`, in minor
 *   units of the programme currency, the match rounded half-even once.
 * - **Statuses**: SUBMITTED → IN_REVIEW → AWARDED | DECLINED; AWARDED → PAID once the payouts
 *   reach the awarded amount.
 */
import { D } from "@/lib/money/money";

export const METRICS = [
  "FOREIGN_RECEIPTS",
  "RECEIPTS_PAYMENTS_RATIO",
  "INTERNATIONAL_VERSIONS",
  "MARKET_TESTS",
  "LICENSED_COUNTRIES",
] as const;
export type Metric = (typeof METRICS)[number];

export const APPLICATION_STATUSES = ["SUBMITTED", "IN_REVIEW", "AWARDED", "DECLINED", "PAID"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const LEDGER_KINDS = ["PAYOUT", "CLAWBACK"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const MIN_LOOKBACK_MONTHS = 1;
export const MAX_LOOKBACK_MONTHS = 36;

// ---------------------------------------------------------------------------------------------
// Dates

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function ymd(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `date` minus `months` calendar months, the day clamped to the target month's length. */
export function subtractMonths(date: string, months: number): string {
  const [y, m, d] = ymd(date);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The measurement window of an answer as of `asOf`: both days included. */
export function metricsWindow(asOf: string, lookbackMonths: number): { from: string; to: string } {
  return { from: subtractMonths(asOf, lookbackMonths), to: asOf };
}

/** A programme takes applications from `opensOn` to `closesOn`, both days included. */
export function isOpen(p: { opensOn: string; closesOn: string }, today: string): boolean {
  return p.opensOn <= today && today <= p.closesOn;
}

// ---------------------------------------------------------------------------------------------
// Criteria

export type Criterion = { metric: Metric; min: string };
export type MetricValues = {
  /** Decimal string in the programme currency ("12500.00"). */
  FOREIGN_RECEIPTS: string;
  /** 4 decimals, null without payments. */
  RECEIPTS_PAYMENTS_RATIO: string | null;
  INTERNATIONAL_VERSIONS: string;
  MARKET_TESTS: string;
  LICENSED_COUNTRIES: string;
};
export type CriterionResult = Criterion & { value: string | null; met: boolean };

/**
 * Each criterion with its value and whether it is met. `ipReceiptsPositive` says whether the
 * outcomes receipts of the window are above zero (what meets a ratio criterion without payments).
 */
export function evaluateCriteria(criteria: readonly Criterion[], values: MetricValues, ipReceiptsPositive: boolean): CriterionResult[] {
  return criteria.map((c) => {
    const value = values[c.metric];
    const met = value === null ? c.metric === "RECEIPTS_PAYMENTS_RATIO" && ipReceiptsPositive : new D(value).gte(c.min);
    return { metric: c.metric, min: c.min, value, met };
  });
}

export const failedCriteria = (results: readonly CriterionResult[]) => results.filter((r) => !r.met);

// ---------------------------------------------------------------------------------------------
// Award

export type AwardTerms = {
  receiptsMatchPct: string;
  perVersionBonusMinor: bigint;
  perMarketTestBonusMinor: bigint;
  capPerApplicationMinor: bigint;
};
export type AwardPreview = {
  matched: bigint;
  versionBonus: bigint;
  marketTestBonus: bigint;
  total: bigint;
  capped: boolean;
  amount: bigint;
};

/** The award formula of the issue; every amount in minor units of the programme currency. */
export function awardPreview(
  terms: AwardTerms,
  counts: { foreignReceiptsMinor: bigint; versions: number; marketTests: number },
): AwardPreview {
  const matched = BigInt(
    new D(counts.foreignReceiptsMinor.toString()).mul(terms.receiptsMatchPct).div(100).toDecimalPlaces(0, D.ROUND_HALF_EVEN).toFixed(0),
  );
  const versionBonus = terms.perVersionBonusMinor * BigInt(counts.versions);
  const marketTestBonus = terms.perMarketTestBonusMinor * BigInt(counts.marketTests);
  const total = matched + versionBonus + marketTestBonus;
  const capped = total > terms.capPerApplicationMinor;
  return { matched, versionBonus, marketTestBonus, total, capped, amount: capped ? terms.capPerApplicationMinor : total };
}

// ---------------------------------------------------------------------------------------------
// Statuses and money

const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  SUBMITTED: ["IN_REVIEW"],
  IN_REVIEW: ["AWARDED", "DECLINED"],
  AWARDED: ["PAID"],
  DECLINED: [],
  PAID: [],
};

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

/** Awarded money still counts against the budget: AWARDED and PAID applications. */
export const COMMITTING: readonly ApplicationStatus[] = ["AWARDED", "PAID"];

export type BudgetCheck = { ok: true } | { ok: false; budget: bigint; committed: bigint; requested: bigint; available: bigint };

/** Whether awarding `requested` keeps the committed total within the budget. */
export function checkBudget(budget: bigint, committed: bigint, requested: bigint): BudgetCheck {
  if (committed + requested <= budget) return { ok: true };
  const available = budget - committed;
  return { ok: false, budget, committed, requested, available: available > 0n ? available : 0n };
}

/** What may still be paid out: awarded − Σ payouts (clawbacks do not reopen it). */
export function payable(awarded: bigint, paidOut: bigint): bigint {
  const rest = awarded - paidOut;
  return rest > 0n ? rest : 0n;
}

// ---------------------------------------------------------------------------------------------
// Snapshots

/** JSON with object keys sorted at every level: the form the snapshot hash is taken over. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The parts of the evidence a change is reported on, each record named by its id. */
export type EvidenceIds = {
  receipts: readonly { receiptId: string; converted: { amount: string } }[];
  versions: readonly { versionId: string }[];
  marketTests: readonly { id: string }[];
  countries: readonly string[];
  statements: readonly { statementId: string }[];
};

export type EvidenceChange = {
  kind: "RECEIPT" | "VERSION" | "MARKET_TEST" | "COUNTRY" | "STATEMENT" | "METRIC";
  id: string;
  change: "REMOVED" | "ADDED" | "CHANGED";
};

/**
 * What differs between the evidence frozen at submission and the evidence recomputed now for the
 * same `asOf`: records no longer counted (a statement superseded, a version withdrawn), records
 * counted now that were not, and receipts whose converted amount differs (an FX rate corrected).
 */
export function evidenceChanges(before: EvidenceIds, now: EvidenceIds): EvidenceChange[] {
  const out: EvidenceChange[] = [];
  const diff = (kind: EvidenceChange["kind"], a: readonly string[], b: readonly string[]) => {
    const had = new Set(a);
    const has = new Set(b);
    for (const id of a) if (!has.has(id)) out.push({ kind, id, change: "REMOVED" });
    for (const id of b) if (!had.has(id)) out.push({ kind, id, change: "ADDED" });
  };
  diff(
    "RECEIPT",
    before.receipts.map((r) => r.receiptId),
    now.receipts.map((r) => r.receiptId),
  );
  const nowReceipts = new Map(now.receipts.map((r) => [r.receiptId, r.converted.amount]));
  for (const r of before.receipts) {
    const amount = nowReceipts.get(r.receiptId);
    if (amount !== undefined && amount !== r.converted.amount) out.push({ kind: "RECEIPT", id: r.receiptId, change: "CHANGED" });
  }
  diff(
    "VERSION",
    before.versions.map((v) => v.versionId),
    now.versions.map((v) => v.versionId),
  );
  diff(
    "MARKET_TEST",
    before.marketTests.map((t) => t.id),
    now.marketTests.map((t) => t.id),
  );
  diff("COUNTRY", before.countries, now.countries);
  diff(
    "STATEMENT",
    before.statements.map((s) => s.statementId),
    now.statements.map((s) => s.statementId),
  );
  return out;
}
