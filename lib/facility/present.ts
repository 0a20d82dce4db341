import { money } from "@/lib/money/currency";
import { type Money, parseAmount, trimDecimal } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import type { DisbursementView } from "./commands/disburse";
import type { Conversion, EligibilityFigures } from "./eligibility";
import type { Balances, LimitRule } from "./rules";

/**
 * API and page shapes of the facility: money as `{amount, currency}` with the currency's exact
 * digits, instants as ISO strings. The same views serve the route handlers and the pages.
 */

export type LimitView = { rule: LimitRule; limit: Money; used: Money; requested: Money; available: Money; ok: boolean };
export type ConversionView = { from: Money; to: Money; rate: string; rateDate: string } | null;
export type EligibilityView = {
  date: string;
  eligibleBase: Money;
  grossBase: Money;
  advanceRatePct: string;
  maxPerLicenseePct: string;
  mgContracted: Money;
  mgReceived: Money;
  mgContractedConverted: ConversionView;
  mgReceivedConverted: ConversionView;
  principalOutstandingOnDeal: Money;
  approvedUndisbursedOnDeal: Money;
  limits: LimitView[];
  ok: boolean;
};

function conversion(c: Conversion): ConversionView {
  return c ? { from: money(c.fromMinor, c.fromCurrency), to: money(c.toMinor, c.toCurrency), rate: c.rate, rateDate: c.rateDate } : null;
}

export function presentEligibility(f: EligibilityFigures): EligibilityView {
  const fc = f.facilityCurrency;
  return {
    date: f.date,
    eligibleBase: money(f.result.eligibleBase, fc),
    grossBase: money(f.result.grossBase, fc),
    advanceRatePct: f.advanceRatePct,
    maxPerLicenseePct: f.maxPerLicenseePct,
    mgContracted: money(f.mgContractedMinor, f.dealCurrency),
    mgReceived: money(f.mgReceivedMinor, f.dealCurrency),
    mgContractedConverted: conversion(f.mgContractedConverted),
    mgReceivedConverted: conversion(f.mgReceivedConverted),
    principalOutstandingOnDeal: money(f.principalOutstandingOnDealMinor, fc),
    approvedUndisbursedOnDeal: money(f.approvedUndisbursedOnDealMinor, fc),
    limits: f.result.limits.map((l) => ({
      rule: l.rule,
      limit: money(l.limit, fc),
      used: money(l.used, fc),
      requested: money(l.requested, fc),
      available: money(l.limit - l.used > 0n ? l.limit - l.used : 0n, fc),
      ok: l.ok,
    })),
    ok: f.result.ok,
  };
}

const RULE_TEXT: Record<LimitRule, string> = {
  ELIGIBLE_BASE: "the eligible base (advance rate × MG not yet received, less principal outstanding or approved on the deal)",
  MAX_PER_DEAL: "the maximum per deal",
  CAPACITY: "the facility's remaining capacity",
  LICENSEE_CONCENTRATION: "the licensee concentration limit",
};

/** One sentence per broken limit, with its numbers. */
export function breachMessage(l: LimitView): string {
  return `${l.requested.amount} ${l.requested.currency} exceeds ${RULE_TEXT[l.rule]}: limit ${l.limit.amount}, already used ${l.used.amount}, available ${l.available.amount} ${l.limit.currency}.`;
}

export function presentBalances(b: Balances, currency: string) {
  return { principal: money(b.principal, currency), fee: money(b.fee, currency), owed: money(b.owed, currency) };
}

export type LedgerRow = {
  id: bigint;
  kind: "DISBURSEMENT" | "FEE" | "RECOUPMENT" | "WRITE_OFF";
  amountMinor: bigint;
  feePartMinor: bigint;
  principalPartMinor: bigint;
  receiptId: string | null;
  disbursementId: string | null;
  sourceAmountMinor: bigint | null;
  sourceCurrency: string | null;
  fxRate: { toString(): string } | null;
  note: string | null;
  at: Date;
  /** The disbursement a DISBURSEMENT or FEE entry belongs to, with the bank's facts of the payment. */
  disbursement?: { paymentReference: string | null; valueDate: Date | null; payingAccount: string | null } | null;
};

export function presentLedgerRow(row: LedgerRow, currency: string, dealId: string) {
  const isPayment = row.kind === "RECOUPMENT" || row.kind === "WRITE_OFF";
  return {
    id: row.id.toString(),
    kind: row.kind,
    amount: money(row.amountMinor, currency),
    at: row.at.toISOString(),
    feePart: isPayment ? money(row.feePartMinor, currency) : null,
    principalPart: isPayment ? money(row.principalPartMinor, currency) : null,
    receiptId: row.receiptId,
    disbursementId: row.disbursementId,
    dealId,
    source: row.sourceAmountMinor !== null && row.sourceCurrency ? money(row.sourceAmountMinor, row.sourceCurrency) : null,
    fxRate: row.fxRate ? trimDecimal(row.fxRate.toString()) : null,
    note: row.note,
    paymentReference: row.disbursement?.paymentReference ?? null,
    valueDate: row.disbursement?.valueDate ? row.disbursement.valueDate.toISOString().slice(0, 10) : null,
    payingAccount: row.disbursement?.payingAccount ?? null,
  };
}

/** What the ledger's CSV export holds: one row per entry, the same exact figures as the table. */
export const LEDGER_CSV_HEADER = [
  "at",
  "kind",
  "currency",
  "amount",
  "fee_part",
  "principal_part",
  "payment_reference",
  "value_date",
  "paying_account",
  "receipt_id",
  "note",
] as const;
/** Indexes of LEDGER_CSV_HEADER that hold numbers (amount, fee part, principal part). */
export const LEDGER_CSV_NUMERIC = [3, 4, 5];

export type LedgerCsvRow = {
  at: string;
  kind: string;
  amount: Money;
  feePart: Money | null;
  principalPart: Money | null;
  paymentReference: string | null;
  valueDate: string | null;
  payingAccount: string | null;
  receiptId: string | null;
  note: string | null;
};

export function ledgerCsvRows(rows: readonly LedgerCsvRow[]): (string | null)[][] {
  return rows.map((r) => [
    r.at,
    r.kind,
    r.amount.currency,
    r.amount.amount,
    r.feePart?.amount ?? null,
    r.principalPart?.amount ?? null,
    r.paymentReference,
    r.valueDate,
    r.payingAccount,
    r.receiptId,
    r.note,
  ]);
}

/**
 * The exposure (principal outstanding + approved, not yet disbursed) when it is above capacity,
 * else null: the facility pages show a banner while it is. Same currency throughout.
 */
export function belowExposure(capacity: Money, principalOutstanding: Money, approvedUndisbursed: Money): Money | null {
  const digits = minorUnits(capacity.currency);
  const minor = (m: Money) => parseAmount(m.amount, digits) ?? 0n;
  const exposureMinor = minor(principalOutstanding) + minor(approvedUndisbursed);
  return minor(capacity) < exposureMinor ? money(exposureMinor, capacity.currency) : null;
}

/** API shape of a disbursement. */
export function presentDisbursement(d: DisbursementView) {
  return {
    id: d.id,
    advanceId: d.advanceId,
    principal: money(d.principalMinor, d.currency),
    fee: money(d.feeMinor, d.currency),
    idempotencyKey: d.idempotencyKey,
    disbursedById: d.disbursedById,
    paymentReference: d.paymentReference,
    valueDate: d.valueDate,
    payingAccount: d.payingAccount,
    createdAt: d.createdAt.toISOString(),
  };
}
