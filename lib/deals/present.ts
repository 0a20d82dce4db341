import { dateOnly } from "@/lib/dates";
import type { Prisma } from "@/lib/db/generated/client";
import { moneyOf } from "@/lib/money/currency";
import type { AmendmentDiff } from "./amendment";
import type { DealDetail } from "./queries";
import type { AmendmentChanges, RenewalOption } from "./schema";

/** The stored renewal option, or null (the column holds what renewalOptionSchema produced). */
export function renewalOptionOf(value: unknown): RenewalOption | null {
  if (!value || typeof value !== "object") return null;
  const o = value as Record<string, unknown>;
  return typeof o.noticeBy === "string" && typeof o.extendsTo === "string" && typeof o.mgIncreasePct === "string"
    ? { noticeBy: o.noticeBy, extendsTo: o.extendsTo, mgIncreasePct: o.mgIncreasePct }
    : null;
}

/** API shape of a deal: Money objects in the deal's currency, windows as YYYY-MM-DD. */
export function presentDeal(deal: DealDetail, viewerOrgId: string) {
  const inCurrency = moneyOf(deal.currency);
  const money = (minor: bigint | null) => (minor === null ? null : inCurrency(minor));
  const tiers = Array.isArray(deal.shareTiers) ? (deal.shareTiers as { upToMinor: string | null; pct: string }[]) : [];
  return {
    id: deal.id,
    name: deal.name,
    status: deal.status,
    version: deal.lockVersion,
    currency: deal.currency,
    licensor: deal.licensor,
    licensee: deal.licensee,
    role: deal.licensorId === viewerOrgId ? "LICENSOR" : "LICENSEE",
    crossBorder: deal.licensor.homeCountry !== deal.licensee.homeCountry,
    awaitingOrganizationId: deal.awaitingOrgId,
    terms: {
      minimumGuarantee: money(deal.mgMinor),
      instalments: deal.instalments.map((i) => ({
        amount: money(i.amountMinor),
        dueDate: i.dueDate ? dateOnly(i.dueDate) : null,
        trigger: i.trigger,
      })),
      distributionFeePct: deal.distributionFeePct?.toString() ?? null,
      expenseCap: money(deal.expenseCapMinor),
      shareTiers: tiers.map((t) => ({ upTo: t.upToMinor === null ? null : inCurrency(BigInt(t.upToMinor)).amount, pct: t.pct })),
      creatorParticipationPct: deal.creatorParticipationPct?.toString() ?? null,
      participants: deal.participants.map((p) => ({ name: p.name, role: p.role, share: p.share.toString() })),
      reportingFrequency: deal.reportingFrequency,
      reportingDueDays: deal.reportingDueDays,
      paymentDueDays: deal.paymentDueDays,
      renewalOption: renewalOptionOf(deal.renewalOption),
    },
    grants: deal.grants.map((g) => ({
      id: g.id,
      titleId: g.titleId,
      title: {
        id: g.title.id,
        originalTitle: g.title.originalTitle,
        titles: { en: g.title.titleEn, zh: g.title.titleZh },
        kind: g.title.kind,
      },
      versionId: g.versionId,
      version: g.version,
      territories: g.territories,
      excludedTerritories: g.excludedTerritories,
      mediaRights: g.mediaRights,
      languages: g.languages,
      start: dateOnly(g.start),
      end: dateOnly(g.end),
      exclusive: g.exclusive,
      holdbacks: g.holdbacks,
      editsPermitted: g.editsPermitted,
      seasons: g.seasons,
    })),
    signatures: {
      licensor: deal.licensorSignedAt ? { at: deal.licensorSignedAt.toISOString(), by: deal.licensorSignedBy } : null,
      licensee: deal.licenseeSignedAt ? { at: deal.licenseeSignedAt.toISOString(), by: deal.licenseeSignedBy } : null,
    },
    proposedAt: deal.proposedAt?.toISOString() ?? null,
    signedAt: deal.signedAt?.toISOString() ?? null,
    terminatedAt: deal.terminatedAt?.toISOString() ?? null,
    terminationReason: deal.terminationReason,
    createdAt: deal.createdAt.toISOString(),
    updatedAt: deal.updatedAt.toISOString(),
  };
}

export type AmendmentRow = Prisma.DealAmendmentGetPayload<object>;

/** API shape of an amendment: `changes` echoed as sent, with the diff (stored once signed, previewed before). */
export function presentAmendment(a: AmendmentRow, diff: AmendmentDiff | null) {
  return {
    id: a.id,
    dealId: a.dealId,
    number: a.number,
    status: a.status,
    version: a.lockVersion,
    effectiveOn: dateOnly(a.effectiveOn),
    note: a.note,
    changes: a.changes as AmendmentChanges,
    renewal: a.renewal,
    createdByOrganizationId: a.createdByOrgId,
    awaitingOrganizationId: a.awaitingOrgId,
    signatures: {
      licensor: a.licensorSignedAt ? { at: a.licensorSignedAt.toISOString(), by: a.licensorSignedBy } : null,
      licensee: a.licenseeSignedAt ? { at: a.licenseeSignedAt.toISOString(), by: a.licenseeSignedBy } : null,
    },
    diff,
    proposedAt: a.proposedAt?.toISOString() ?? null,
    signedAt: a.signedAt?.toISOString() ?? null,
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type AmendmentView = ReturnType<typeof presentAmendment>;
