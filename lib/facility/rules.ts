/**
 * Pure rules of the advance facility (PRODUCT.md §6): eligibility and limits, disbursement fees,
 * the append-only ledger and its balances, recoupment from receipts, and the application status
 * machine. Currency conversion is lib/fx/rules.ts.
 *
 * Every amount is a bigint count of minor units; every percentage is a decimal string; all
 * rounding is half-even to a whole minor unit. No I/O here.
 */
import { D, percentOf } from "@/lib/money/money";

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

// ---------------------------------------------------------------------------------------------
// Eligibility

export const LIMIT_RULES = ["ELIGIBLE_BASE", "MAX_PER_DEAL", "CAPACITY", "LICENSEE_CONCENTRATION"] as const;
export type LimitRule = (typeof LIMIT_RULES)[number];

/**
 * One limit with its numbers. Every rule reads the same way: ok ⇔ used + requested ≤ limit.
 * - ELIGIBLE_BASE: limit = round(advanceRatePct/100 × (MG contracted − MG received)), used =
 *   principal outstanding on the deal (so ok ⇔ amount ≤ eligible base).
 * - MAX_PER_DEAL: limit = maxPerDeal, used = 0 (the cap is per application: amount ≤ maxPerDeal).
 * - CAPACITY: limit = capacity, used = total principal outstanding of the facility.
 * - LICENSEE_CONCENTRATION: limit = round(maxPerLicenseePct/100 × capacity), used = principal
 *   outstanding on deals with the same licensee.
 */
export type Limit = { rule: LimitRule; limit: bigint; used: bigint; requested: bigint; ok: boolean };

export type EligibilityInput = {
  advanceRatePct: string;
  mgContractedMinor: bigint;
  mgReceivedMinor: bigint;
  principalOutstandingOnDealMinor: bigint;
  amountMinor: bigint;
  maxPerDealMinor: bigint;
  capacityMinor: bigint;
  totalPrincipalOutstandingMinor: bigint;
  principalOutstandingSameLicenseeMinor: bigint;
  maxPerLicenseePct: string;
};

export type Eligibility = {
  /** What can still be advanced against the deal: gross base − principal outstanding, never below 0. */
  eligibleBase: bigint;
  /** round(advanceRatePct/100 × (MG contracted − MG received)), before outstanding principal. */
  grossBase: bigint;
  limits: Limit[];
  /** Every limit holds. */
  ok: boolean;
};

/**
 * Eligibility of an advance of `amountMinor` (all amounts already in the facility currency).
 * `eligibleBase` is clamped at 0 for display; the ELIGIBLE_BASE rule itself uses the exact
 * (possibly negative) base, which is the same test since `amountMinor` ≥ 0. An amount of 0 is
 * allowed here so that a studio can preview its limits before entering an amount.
 */
export function eligibility(input: EligibilityInput): Eligibility {
  const { amountMinor } = input;
  if (amountMinor < 0n) throw new RangeError("An advance amount cannot be negative.");
  const grossBase = percentOf(input.mgContractedMinor - input.mgReceivedMinor, input.advanceRatePct);
  const rawBase = grossBase - input.principalOutstandingOnDealMinor;
  const limit = (rule: LimitRule, limitMinor: bigint, used: bigint): Limit => ({
    rule,
    limit: limitMinor,
    used,
    requested: amountMinor,
    ok: used + amountMinor <= limitMinor,
  });
  const limits = [
    limit("ELIGIBLE_BASE", grossBase, input.principalOutstandingOnDealMinor),
    limit("MAX_PER_DEAL", input.maxPerDealMinor, 0n),
    limit("CAPACITY", input.capacityMinor, input.totalPrincipalOutstandingMinor),
    limit("LICENSEE_CONCENTRATION", percentOf(input.capacityMinor, input.maxPerLicenseePct), input.principalOutstandingSameLicenseeMinor),
  ];
  return { eligibleBase: max(rawBase, 0n), grossBase, limits, ok: limits.every((l) => l.ok) };
}

/** The limits an amount breaks (for the 422 body), in rule order. */
export function breaches(result: Eligibility): Limit[] {
  return result.limits.filter((l) => !l.ok);
}

// ---------------------------------------------------------------------------------------------
// Ledger and balances

export const LEDGER_KINDS = ["DISBURSEMENT", "FEE", "RECOUPMENT", "WRITE_OFF"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * A ledger entry. `amountMinor` is always positive; its sign comes from the kind. A RECOUPMENT or
 * WRITE_OFF carries its split, fixed when it was written: feePart + principalPart = amountMinor.
 */
export type PaymentEntry = { kind: "RECOUPMENT" | "WRITE_OFF"; amountMinor: bigint; feePart: bigint; principalPart: bigint };
export type LedgerEntry = { kind: "DISBURSEMENT" | "FEE"; amountMinor: bigint } | PaymentEntry;

export type Balances = { principal: bigint; fee: bigint; owed: bigint };

export const ZERO_BALANCES: Balances = Object.freeze({ principal: 0n, fee: 0n, owed: 0n });

/** The signed effect of one entry on principal and fee outstanding. */
export function entryEffect(entry: LedgerEntry): { principal: bigint; fee: bigint } {
  if (entry.amountMinor <= 0n) throw new RangeError(`A ${entry.kind} entry must be positive.`);
  switch (entry.kind) {
    case "DISBURSEMENT":
      return { principal: entry.amountMinor, fee: 0n };
    case "FEE":
      return { principal: 0n, fee: entry.amountMinor };
    case "RECOUPMENT":
    case "WRITE_OFF":
      if (entry.feePart < 0n || entry.principalPart < 0n || entry.feePart + entry.principalPart !== entry.amountMinor) {
        throw new RangeError(`A ${entry.kind} entry's parts must be non-negative and sum to its amount.`);
      }
      return { principal: -entry.principalPart, fee: -entry.feePart };
  }
}

/** Balances as sums of the ledger: principal, fee, and owed = principal + fee. */
export function balances(entries: readonly LedgerEntry[]): Balances {
  let principal = 0n;
  let fee = 0n;
  for (const e of entries) {
    const effect = entryEffect(e);
    principal += effect.principal;
    fee += effect.fee;
  }
  return { principal, fee, owed: principal + fee };
}

export type PaymentSplit = { feePart: bigint; principalPart: bigint; applied: bigint; unapplied: bigint };

/**
 * Applies a payment (recoupment or write-off) to balances: fee first, then principal, never below
 * zero. What exceeds the amount owed is returned as `unapplied`.
 */
export function applyPayment(current: Balances, amountMinor: bigint): PaymentSplit {
  if (amountMinor < 0n) throw new RangeError("A payment cannot be negative.");
  const feePart = min(amountMinor, max(current.fee, 0n));
  const principalPart = min(amountMinor - feePart, max(current.principal, 0n));
  const applied = feePart + principalPart;
  return { feePart, principalPart, applied, unapplied: amountMinor - applied };
}

/**
 * The entries a disbursement writes: DISBURSEMENT of the principal and FEE of
 * round(principal × feePct / 100). A zero fee writes no FEE entry (ledger entries are positive).
 */
export function disbursementEntries(principalMinor: bigint, feePct: string): LedgerEntry[] {
  if (principalMinor <= 0n) throw new RangeError("A disbursement must be positive.");
  const fee = percentOf(principalMinor, feePct);
  const entries: LedgerEntry[] = [{ kind: "DISBURSEMENT", amountMinor: principalMinor }];
  if (fee > 0n) entries.push({ kind: "FEE", amountMinor: fee });
  return entries;
}

/** A RECOUPMENT entry for up to `amountMinor` against `current`, or null if nothing applies. */
export function recoupmentEntry(current: Balances, amountMinor: bigint): PaymentEntry | null {
  const split = applyPayment(current, amountMinor);
  if (split.applied === 0n) return null;
  return { kind: "RECOUPMENT", amountMinor: split.applied, feePart: split.feePart, principalPart: split.principalPart };
}

/** The WRITE_OFF entry for everything owed (fee first, then principal), or null if nothing is owed. */
export function writeOffEntry(current: Balances): PaymentEntry | null {
  const split = applyPayment(current, max(current.owed, 0n));
  if (split.applied === 0n) return null;
  return { kind: "WRITE_OFF", amountMinor: split.applied, feePart: split.feePart, principalPart: split.principalPart };
}

// ---------------------------------------------------------------------------------------------
// Recoupment from receipts

export type OwingAdvance = {
  id: string;
  disbursedAt: Date;
  owedMinor: bigint;
  feeOwedMinor: bigint;
  principalOwedMinor: bigint;
};

export type RecoupmentEntry = PaymentEntry & { kind: "RECOUPMENT"; advanceId: string };

export type Recoupment = {
  /** min(round((receipt − creators' pool) × sweepPct / 100), total owed); 0 if nothing remains. */
  sweep: bigint;
  /** One RECOUPMENT per advance that receives something, oldest advance first. */
  entries: RecoupmentEntry[];
  /** Advances whose owed reaches 0 with this receipt (to be marked REPAID). */
  repaid: string[];
};

/**
 * Sweeps a receipt to the facility: the sweep is allocated to advances oldest first (by
 * disbursedAt, then id for a stable order), fee first then principal within each advance.
 * Advances owing nothing are skipped; `owedMinor` must equal fee + principal owed.
 */
export function recoup(advances: readonly OwingAdvance[], receiptMinor: bigint, creatorsPoolMinor: bigint, sweepPct: string): Recoupment {
  if (receiptMinor < 0n || creatorsPoolMinor < 0n) throw new RangeError("A receipt and its pool cannot be negative.");
  if (creatorsPoolMinor > receiptMinor) throw new RangeError("The creators' pool cannot exceed the receipt.");
  for (const a of advances) {
    if (a.feeOwedMinor < 0n || a.principalOwedMinor < 0n || a.owedMinor !== a.feeOwedMinor + a.principalOwedMinor) {
      throw new RangeError(`Advance ${a.id}: owed must be fee + principal, none negative.`);
    }
  }
  const ordered = [...advances].sort(
    (a, b) => a.disbursedAt.getTime() - b.disbursedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const totalOwed = ordered.reduce((sum, a) => sum + a.owedMinor, 0n);
  const sweep = min(percentOf(receiptMinor - creatorsPoolMinor, sweepPct), totalOwed);
  let remaining = sweep;
  const entries: RecoupmentEntry[] = [];
  const repaid: string[] = [];
  for (const a of ordered) {
    if (remaining === 0n) break;
    if (a.owedMinor === 0n) continue;
    const split = applyPayment({ principal: a.principalOwedMinor, fee: a.feeOwedMinor, owed: a.owedMinor }, remaining);
    entries.push({
      advanceId: a.id,
      kind: "RECOUPMENT",
      amountMinor: split.applied,
      feePart: split.feePart,
      principalPart: split.principalPart,
    });
    remaining -= split.applied;
    if (split.applied === a.owedMinor) repaid.push(a.id);
  }
  return { sweep, entries, repaid };
}

// ---------------------------------------------------------------------------------------------
// Status machine

export const ADVANCE_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "APPROVED",
  "DECLINED",
  "DISBURSED",
  "REPAID",
  "DEFAULTED",
  "WRITTEN_OFF",
] as const;
export type AdvanceStatus = (typeof ADVANCE_STATUSES)[number];

const TRANSITIONS: Readonly<Record<AdvanceStatus, readonly AdvanceStatus[]>> = {
  DRAFT: ["SUBMITTED"],
  SUBMITTED: ["UNDER_REVIEW"],
  UNDER_REVIEW: ["APPROVED", "DECLINED"],
  APPROVED: ["DISBURSED"],
  DECLINED: [],
  DISBURSED: ["REPAID", "DEFAULTED"],
  DEFAULTED: ["REPAID", "WRITTEN_OFF"],
  REPAID: [],
  WRITTEN_OFF: [],
};

/**
 * Whether an advance may move from `from` to `to`. REPAID is reached from DISBURSED or DEFAULTED
 * only when owed is 0: pass `owedMinor` and a non-zero (or missing) owed refuses it.
 */
export function canTransition(from: AdvanceStatus, to: AdvanceStatus, context: { owedMinor?: bigint } = {}): boolean {
  if (!TRANSITIONS[from].includes(to)) return false;
  if (to === "REPAID") return context.owedMinor === 0n;
  return true;
}

/** Statuses whose advance has money out (counted in principal outstanding). */
export const OUTSTANDING_STATUSES: readonly AdvanceStatus[] = ["DISBURSED", "DEFAULTED"];

export function utilisation(outstanding: bigint, capacity: bigint): string | null {
  if (capacity === 0n) return null;
  return new D(outstanding.toString()).mul(100).div(capacity.toString()).toDecimalPlaces(2).toFixed(2);
}

/**
 * The two utilisation figures every page shows, named: principal outstanding ÷ capacity
 * (`utilisationPct`), and principal outstanding plus approved, not yet disbursed amounts (reserved)
 * ÷ capacity (`utilisationWithReservedPct`, the share the CAPACITY limit checks). Percent with two
 * decimals; null for a zero capacity.
 */
export function utilisationFigures(outstanding: bigint, reserved: bigint, capacity: bigint) {
  return { utilisationPct: utilisation(outstanding, capacity), utilisationWithReservedPct: utilisation(outstanding + reserved, capacity) };
}

/**
 * Milliseconds a member who joined at `memberSince` still waits before disbursing, with a cooling
 * period of `hours`; 0 or less means they may.
 */
export function coolingLeftMs(memberSince: Date, now: Date, hours: number): number {
  return memberSince.getTime() + hours * 3_600_000 - now.getTime();
}
