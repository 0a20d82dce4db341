import { dateOnly } from "@/lib/dates";
import { toCsv } from "@/lib/files/csv";
import { moneyOf } from "@/lib/money/currency";
import { trimDecimal } from "@/lib/money/money";
import { type Criterion, isOpen, type LedgerKind, METRICS, type Metric, payable } from "./rules";
import type { EligibilityView } from "./schema";

/** API and page shapes of programmes, applications and their ledger (pure). */

export type ProgrammeRecord = {
  id: string;
  orgId: string;
  org: { id: string; name: string };
  nameEn: string;
  nameZh: string;
  descriptionEn: string;
  descriptionZh: string;
  currency: string;
  budgetMinor: bigint;
  opensOn: Date;
  closesOn: Date;
  lookbackMonths: number;
  targetTerritories: string[];
  criteria: unknown;
  receiptsMatchPct: { toString(): string };
  perVersionBonusMinor: bigint;
  perMarketTestBonusMinor: bigint;
  capPerApplicationMinor: bigint;
  lockVersion: number;
};

export const criteriaOf = (p: Pick<ProgrammeRecord, "criteria">): Criterion[] => p.criteria as Criterion[];

export function presentProgramme(p: ProgrammeRecord, extra: { targetCountries: string[]; applicationCount: number; today: string }) {
  const m = moneyOf(p.currency);
  const opensOn = dateOnly(p.opensOn);
  const closesOn = dateOnly(p.closesOn);
  return {
    id: p.id,
    organization: { id: p.org.id, name: p.org.name },
    name: { en: p.nameEn, zh: p.nameZh },
    description: { en: p.descriptionEn, zh: p.descriptionZh },
    currency: p.currency,
    budget: m(p.budgetMinor),
    opensOn,
    closesOn,
    open: isOpen({ opensOn, closesOn }, extra.today),
    lookbackMonths: p.lookbackMonths,
    targetTerritories: p.targetTerritories,
    targetCountries: extra.targetCountries,
    criteria: criteriaOf(p),
    award: {
      receiptsMatchPct: trimDecimal(p.receiptsMatchPct.toString()),
      perVersionBonus: m(p.perVersionBonusMinor),
      perMarketTestBonus: m(p.perMarketTestBonusMinor),
      capPerApplication: m(p.capPerApplicationMinor),
    },
    version: p.lockVersion,
    applicationCount: extra.applicationCount,
  };
}
export type ProgrammeView = ReturnType<typeof presentProgramme>;

export type LedgerSums = { payouts: bigint; clawbacks: bigint };
export const noLedger = (): LedgerSums => ({ payouts: 0n, clawbacks: 0n });

export type ApplicationRecord = {
  id: string;
  programmeId: string;
  studio: { id: string; name: string; homeCountry: string };
  status: "SUBMITTED" | "IN_REVIEW" | "AWARDED" | "DECLINED" | "PAID";
  asOf: Date;
  snapshot: unknown;
  snapshotHash: string;
  requestedMinor: bigint;
  awardedMinor: bigint | null;
  decisionNote: string | null;
  reviewedById: string | null;
  reviewedAt: Date | null;
  decidedById: string | null;
  decidedAt: Date | null;
  lockVersion: number;
  createdAt: Date;
};

export const snapshotOf = (a: Pick<ApplicationRecord, "snapshot">): EligibilityView => a.snapshot as EligibilityView;

export function presentApplicationSummary(a: ApplicationRecord, currency: string, sums: LedgerSums, evidenceChanged: boolean) {
  const m = moneyOf(currency);
  return {
    id: a.id,
    programmeId: a.programmeId,
    studio: a.studio,
    status: a.status,
    asOf: dateOnly(a.asOf),
    requested: m(a.requestedMinor),
    awarded: a.awardedMinor === null ? null : m(a.awardedMinor),
    paid: m(sums.payouts - sums.clawbacks),
    payable: m(a.awardedMinor === null ? 0n : payable(a.awardedMinor, sums.payouts)),
    metrics: snapshotOf(a).metrics,
    evidenceChanged,
    submittedAt: a.createdAt.toISOString(),
  };
}
export type ApplicationSummaryView = ReturnType<typeof presentApplicationSummary>;

export type LedgerRecord = {
  id: bigint;
  applicationId: string;
  kind: LedgerKind;
  amountMinor: bigint;
  reason: string | null;
  idempotencyKey: string | null;
  at: Date;
};

export function presentLedgerRow(e: LedgerRecord, currency: string) {
  return {
    id: e.id.toString(),
    kind: e.kind,
    amount: moneyOf(currency)(e.amountMinor),
    reason: e.reason,
    idempotencyKey: e.idempotencyKey,
    at: e.at.toISOString(),
  };
}

export function presentPayout(e: LedgerRecord, currency: string) {
  return {
    id: e.id.toString(),
    applicationId: e.applicationId,
    kind: e.kind,
    amount: moneyOf(currency)(e.amountMinor),
    idempotencyKey: e.idempotencyKey,
    at: e.at.toISOString(),
  };
}

/** The applications CSV: one row per application, with its snapshot's metrics and the money. */
export function applicationsCsv(rows: readonly ApplicationSummaryView[]): string {
  const header = [
    "applicationId",
    "studio",
    "studioCountry",
    "status",
    "asOf",
    "currency",
    ...METRICS,
    "requested",
    "awarded",
    "paid",
    "evidenceChanged",
  ];
  const numeric = [6, 7, 8, 9, 10, 11, 12, 13];
  return toCsv(
    header,
    rows.map((r) => [
      r.id,
      r.studio.name,
      r.studio.homeCountry,
      r.status,
      r.asOf,
      r.requested.currency,
      ...METRICS.map((k: Metric) => r.metrics[k]),
      r.requested.amount,
      r.awarded?.amount ?? "",
      r.paid.amount,
      r.evidenceChanged ? "yes" : "no",
    ]),
    numeric,
  );
}
