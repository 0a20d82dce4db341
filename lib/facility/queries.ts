import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { countryName } from "@/lib/i18n/countries";
import { money } from "@/lib/money/currency";
import { trimDecimal } from "@/lib/money/money";
import { fail, notFound, ok, type Result } from "@/lib/result";
import { computeEligibility, exposure } from "./eligibility";
import { ledgerBalances, zeroBalances } from "./ledger";
import { type EligibilityView, presentBalances, presentEligibility, presentLedgerRow } from "./present";
import type { AdvanceStatus } from "./rules";
import { utilisationFigures } from "./rules";
import { type AdvanceListQuery, type EligibilityQuery, eligibilityViewSchema, moneyToMinor } from "./schema";

export type { EligibilityView } from "./present";
export { type AdvanceListQuery, advanceListQuerySchema, type EligibilityQuery, eligibilityQuerySchema } from "./schema";

/** Advances the actor may see: its studio's own, or its facility's. Everyone else sees none. */
export function visibleTo(actor: Actor): Prisma.AdvanceWhereInput {
  // A draft is the studio's own work in progress: the facility sees an application once submitted.
  return { OR: [{ studioId: actor.org.id }, { facility: { orgId: actor.org.id }, status: { not: "DRAFT" } }] };
}

export type FacilityRow = Prisma.FacilityGetPayload<{ include: { org: { select: { id: true; name: true } } } }>;

/** The facility run by the actor's organisation (facility staff), or null. */
export async function facilityOf(actor: Actor): Promise<FacilityRow | null> {
  if (actor.org.kind !== "FACILITY") return null;
  return db.facility.findFirst({ where: { orgId: actor.org.id }, include: { org: { select: { id: true, name: true } } } });
}

/** The facility a studio applies to: the one named, else the first (there is one demo facility). */
export async function facilityForApplication(facilityId?: string): Promise<FacilityRow | null> {
  return db.facility.findFirst({
    where: facilityId ? { id: facilityId } : {},
    orderBy: { createdAt: "asc" },
    include: { org: { select: { id: true, name: true } } },
  });
}

/** The terms a studio's applications are measured against: what a studio may read of a facility. */
export type FacilityTermsView = {
  id: string;
  name: string;
  version: number;
  currency: string;
  advanceRatePct: string;
  maxPerDeal: ReturnType<typeof money>;
  maxPerLicenseePct: string;
  feePct: string;
  sweepPct: string;
  updatedAt: string;
};

/** The terms plus the facility's own state (capacity, exposure, advance count): facility staff only. */
export type FacilitySettingsView = FacilityTermsView & {
  capacity: ReturnType<typeof money>;
  principalOutstanding: ReturnType<typeof money>;
  /** Approved, not yet disbursed: reserved against capacity. */
  approvedUndisbursed: ReturnType<typeof money>;
  available: ReturnType<typeof money>;
  /** principalOutstanding / capacity × 100, two decimals (null for a zero capacity). */
  utilisationPct: string | null;
  /** (principalOutstanding + approvedUndisbursed) / capacity × 100: what the capacity check uses. */
  utilisationWithReservedPct: string | null;
  advanceCount: number;
};

export async function presentFacility(facility: FacilityRow): Promise<FacilitySettingsView> {
  const used = await exposure(db, { facilityId: facility.id });
  const c = facility.currency;
  const advanceCount = await db.advance.count({ where: { facilityId: facility.id } });
  const available = facility.capacityMinor - used.total;
  return {
    id: facility.id,
    name: facility.org.name,
    version: facility.lockVersion,
    currency: c,
    capacity: money(facility.capacityMinor, c),
    advanceRatePct: trimDecimal(facility.advanceRatePct.toString()),
    maxPerDeal: money(facility.maxPerDealMinor, c),
    maxPerLicenseePct: trimDecimal(facility.maxPerLicenseePct.toString()),
    feePct: trimDecimal(facility.feePct.toString()),
    sweepPct: trimDecimal(facility.sweepPct.toString()),
    principalOutstanding: money(used.outstanding, c),
    approvedUndisbursed: money(used.approved, c),
    available: money(available > 0n ? available : 0n, c),
    ...utilisationFigures(used.outstanding, used.approved, facility.capacityMinor),
    advanceCount,
    updatedAt: facility.updatedAt.toISOString(),
  };
}

/**
 * The facility settings the actor may read: facility staff their own; studios the facility they
 * apply to (its terms are what their applications are measured against). Partners: none.
 */
export async function getFacilitySettings(actor: Actor): Promise<FacilitySettingsView | null> {
  const facility = actor.org.kind === "FACILITY" ? await facilityOf(actor) : null;
  return facility ? presentFacility(facility) : null;
}

export function presentTerms(facility: FacilityRow): FacilityTermsView {
  return {
    id: facility.id,
    name: facility.org.name,
    version: facility.lockVersion,
    currency: facility.currency,
    advanceRatePct: trimDecimal(facility.advanceRatePct.toString()),
    maxPerDeal: money(facility.maxPerDealMinor, facility.currency),
    maxPerLicenseePct: trimDecimal(facility.maxPerLicenseePct.toString()),
    feePct: trimDecimal(facility.feePct.toString()),
    sweepPct: trimDecimal(facility.sweepPct.toString()),
    updatedAt: facility.updatedAt.toISOString(),
  };
}

/**
 * What the actor may read of a facility: its staff the settings and state of their own; a studio
 * the terms of the facility it applies to (the limits that apply to it — never the facility's
 * portfolio state: capacity, outstanding, reserved, advance count); partners nothing.
 */
export async function getFacilityView(actor: Actor): Promise<FacilitySettingsView | FacilityTermsView | null> {
  if (actor.org.kind === "FACILITY") return getFacilitySettings(actor);
  if (actor.org.kind !== "STUDIO") return null;
  const facility = await facilityForApplication();
  return facility ? presentTerms(facility) : null;
}

/** The terms of the facility a studio applies to (null for anyone else). */
export async function getFacilityTerms(actor: Actor): Promise<FacilityTermsView | null> {
  if (actor.org.kind !== "STUDIO") return null;
  const facility = await facilityForApplication();
  return facility ? presentTerms(facility) : null;
}

// ---------------------------------------------------------------------------------------------
// Advances

const advanceInclude = {
  facility: { include: { org: { select: { id: true, name: true } } } },
  studio: { select: { id: true, name: true, homeCountry: true } },
  deal: {
    select: {
      id: true,
      name: true,
      currency: true,
      mgMinor: true,
      status: true,
      licenseeId: true,
      licensee: { select: { id: true, name: true, homeCountry: true } },
    },
  },
} satisfies Prisma.AdvanceInclude;

type AdvanceRow = Prisma.AdvanceGetPayload<{ include: typeof advanceInclude }>;

function summary(a: AdvanceRow, balance = zeroBalances()) {
  const c = a.currency;
  return {
    id: a.id,
    dealId: a.dealId,
    status: a.status as AdvanceStatus,
    amount: money(a.amountMinor, c),
    approvedAmount: a.approvedMinor === null ? null : money(a.approvedMinor, c),
    purpose: a.purpose,
    studio: a.studio,
    deal: { id: a.deal.id, name: a.deal.name, currency: a.deal.currency, licensee: a.deal.licensee },
    facility: { id: a.facility.id, name: a.facility.org.name, currency: a.facility.currency },
    balance: presentBalances(balance, c),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    disbursedAt: a.disbursedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type AdvanceSummaryView = ReturnType<typeof summary>;

const cursorSchema = z.object({ c: z.iso.datetime(), id: z.uuid() });

/** Advances visible to the actor, newest first, with balances (ledger sums). */
export async function listAdvances(actor: Actor, q: AdvanceListQuery) {
  const filters: Prisma.AdvanceWhereInput[] = [visibleTo(actor)];
  if (q.status) filters.push({ status: q.status });
  if (q.dealId) filters.push({ dealId: q.dealId });
  const after = decodeCursor(q.cursor, cursorSchema);
  if (after) {
    const c = new Date(after.c);
    filters.push({ OR: [{ createdAt: { lt: c } }, { createdAt: c, id: { lt: after.id } }] });
  }
  const rows = await db.advance.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: advanceInclude,
  });
  const items = rows.slice(0, q.limit);
  const balances = await ledgerBalances(
    db,
    items.map((a) => a.id),
  );
  const last = items[items.length - 1];
  return {
    items: items.map((a) => summary(a, balances.get(a.id))),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ c: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** What the actor may do with an advance now (the API enforces the same rules). */
function abilities(actor: Actor, a: AdvanceRow, owedMinor: bigint) {
  const subject = { role: actor.role, orgKind: actor.org.kind };
  const isStudio = a.studioId === actor.org.id;
  const isFacility = a.facility.orgId === actor.org.id;
  const underwriter = isFacility && can(subject, "facility.underwrite");
  const disburser = isFacility && can(subject, "facility.disburse");
  const approver = a.decidedById !== null && a.decidedById === actor.userId;
  return {
    canSubmit: isStudio && can(subject, "advances.apply") && a.status === "DRAFT",
    canUpload: isStudio && can(subject, "advances.apply") && ["DRAFT", "SUBMITTED", "UNDER_REVIEW"].includes(a.status),
    canReview: underwriter && a.status === "SUBMITTED",
    canDecide: underwriter && (a.status === "SUBMITTED" || a.status === "UNDER_REVIEW"),
    canDisburse: disburser && a.status === "APPROVED" && !approver && actor.userId !== null,
    /** The viewer approved this advance, so cannot disburse it (four-eyes). */
    fourEyesBlocked: disburser && a.status === "APPROVED" && approver,
    canDefault: underwriter && a.status === "DISBURSED",
    canWriteOff: underwriter && a.status === "DEFAULTED" && owedMinor >= 0n,
  };
}

async function userRef(id: string | null) {
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true } });
}

/** An advance with its eligibility, balances, ledger, documents and timeline; null if not visible. */
export async function getAdvance(actor: Actor, id: string) {
  const a = await db.advance.findFirst({ where: { AND: [{ id }, visibleTo(actor)] }, include: advanceInclude });
  if (!a) return null;
  const c = a.currency;
  const [balances, ledger, documents, disbursement, audit, decidedBy] = await Promise.all([
    ledgerBalances(db, [a.id]),
    db.ledgerEntry.findMany({
      where: { advanceId: a.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      include: { disbursement: { select: { paymentReference: true, valueDate: true, payingAccount: true } } },
    }),
    db.advanceDocument.findMany({
      where: { advanceId: a.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true },
    }),
    db.disbursement.findUnique({ where: { advanceId: a.id } }),
    db.auditEntry.findMany({
      where: { entityType: "Advance", entityId: a.id, partyOrgIds: { has: actor.org.id } },
      orderBy: { id: "asc" },
      select: { id: true, at: true, action: true, actorUserId: true, actorApiKeyId: true },
    }),
    userRef(a.decidedById),
  ]);
  const balance = balances.get(a.id) ?? zeroBalances();
  const userIds = [...new Set([...audit.map((e) => e.actorUserId), disbursement?.disbursedById ?? null].filter((u): u is string => !!u))];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]),
  );
  const eligibility = await advanceEligibility(a);
  return {
    ...summary(a, balance),
    version: a.lockVersion,
    conditions: a.conditions,
    declineReason: a.declineReason,
    defaultReason: a.defaultReason,
    reviewStartedAt: a.reviewStartedAt?.toISOString() ?? null,
    repaidAt: a.repaidAt?.toISOString() ?? null,
    defaultedAt: a.defaultedAt?.toISOString() ?? null,
    writtenOffAt: a.writtenOffAt?.toISOString() ?? null,
    decision: a.decidedAt
      ? { decision: a.status === "DECLINED" ? "DECLINED" : "APPROVED", at: a.decidedAt.toISOString(), by: decidedBy }
      : null,
    eligibility: eligibility.view,
    eligibilityError: eligibility.error,
    disbursement: disbursement
      ? {
          id: disbursement.id,
          principal: money(disbursement.principalMinor, c),
          fee: money(disbursement.feeMinor, c),
          at: disbursement.createdAt.toISOString(),
          paymentReference: disbursement.paymentReference,
          valueDate: disbursement.valueDate?.toISOString().slice(0, 10) ?? null,
          payingAccount: disbursement.payingAccount,
          by: disbursement.disbursedById ? (users.get(disbursement.disbursedById) ?? null) : null,
        }
      : null,
    ledger: ledger.map((row) => presentLedgerRow(row, c, a.dealId)),
    documents: documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    timeline: audit.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      action: e.action,
      actor: e.actorUserId ? (users.get(e.actorUserId) ?? null) : null,
      viaApiKey: e.actorApiKeyId,
    })),
    viewer: abilities(actor, a, balance.owed),
  };
}
export type AdvanceView = NonNullable<Awaited<ReturnType<typeof getAdvance>>>;

/**
 * The eligibility shown on an advance: as fixed at its decision (snapshot), else computed now
 * for the amount applied for (excluding the advance itself from the limits' used amounts).
 */
async function advanceEligibility(a: AdvanceRow): Promise<{ view: EligibilityView | null; error: string | null }> {
  const snapshot = eligibilityViewSchema.safeParse(a.decisionSnapshot);
  if (snapshot.success) return { view: snapshot.data, error: null };
  const figures = await computeEligibility(db, {
    facility: a.facility,
    deal: a.deal,
    amountMinor: a.amountMinor,
    date: new Date(),
    excludeAdvanceId: a.id,
  });
  return figures.ok ? { view: presentEligibility(figures.value), error: null } : { view: null, error: figures.message };
}

/** Signed deals a studio can apply against: its own, as licensor, with a licensee in another country. */
export async function applicableDeals(actor: Actor) {
  if (actor.org.kind !== "STUDIO") return [];
  const deals = await db.deal.findMany({
    where: { licensorId: actor.org.id, status: "SIGNED" },
    orderBy: { signedAt: "desc" },
    select: {
      id: true,
      name: true,
      currency: true,
      mgMinor: true,
      licensee: { select: { id: true, name: true, homeCountry: true } },
      licensor: { select: { homeCountry: true } },
    },
  });
  return deals
    .filter((d) => d.licensee.homeCountry !== d.licensor.homeCountry)
    .map((d) => ({
      id: d.id,
      name: d.name,
      currency: d.currency,
      minimumGuarantee: d.mgMinor === null ? null : money(d.mgMinor, d.currency),
      licensee: d.licensee,
    }));
}

/** The deal a studio can apply against (own, SIGNED, cross-border, as licensor), or a 422 on dealId. */
export async function applicableDeal(actor: Actor, dealId: string) {
  const deal = await db.deal.findFirst({
    where: { id: dealId, licensorId: actor.org.id },
    select: {
      id: true,
      name: true,
      currency: true,
      mgMinor: true,
      status: true,
      licenseeId: true,
      licensor: { select: { homeCountry: true } },
      licensee: { select: { homeCountry: true } },
    },
  });
  const refuse = (message: string) => fail("invalid", "DEAL_NOT_ELIGIBLE", message, { errors: [{ path: "dealId", message }] });
  if (!deal) return refuse("Choose one of your own deals, where you are the licensor.");
  if (deal.status !== "SIGNED") return refuse(`Only a SIGNED deal can carry an advance; this one is ${deal.status}.`);
  if (deal.licensor.homeCountry === deal.licensee.homeCountry) {
    return refuse("Advances are for cross-border deals: the licensee must be in another country.");
  }
  return ok(deal);
}

/** Before applying: the eligible base and every limit with its numbers, for `amount` (default 0). */
export async function previewEligibility(actor: Actor, q: EligibilityQuery): Promise<Result<EligibilityView>> {
  if (actor.org.kind !== "STUDIO") return notFound("Deal");
  const facility = await facilityForApplication(q.facilityId);
  if (!facility)
    return fail("invalid", "NO_FACILITY", "There is no advance facility to apply to.", {
      errors: [{ path: "facilityId", message: "No such facility." }],
    });
  const deal = await applicableDeal(actor, q.dealId);
  if (!deal.ok) return deal;
  const amountMinor = q.amount === undefined ? 0n : moneyToMinor({ amount: q.amount, currency: facility.currency });
  if (amountMinor === null) {
    return fail("invalid", "VALIDATION_FAILED", "Some fields need attention.", {
      errors: [{ path: "amount", message: `Use the minor-unit digits of ${facility.currency}.` }],
    });
  }
  const figures = await computeEligibility(db, { facility, deal: deal.value, amountMinor, date: new Date() });
  return figures.ok ? ok(presentEligibility(figures.value)) : figures;
}

/** A document of an advance the actor may see, with its bytes. */
export async function getAdvanceDocument(actor: Actor, advanceId: string, documentId: string) {
  return db.advanceDocument.findFirst({
    where: { id: documentId, advance: { AND: [{ id: advanceId }, visibleTo(actor)] } },
    select: { id: true, fileName: true, contentType: true, sizeBytes: true, data: true, createdAt: true },
  });
}

/**
 * What the application form needs, in one call: the facility's terms and the studio's signed
 * cross-border deals (as licensor), each with its eligibility for an amount of 0 — the figures
 * the form then checks any typed amount against, exactly as the server will. A deal whose
 * currency has no FX rate into the facility's carries `eligibility: null`.
 */
export async function applicationOptions(actor: Actor, locale: string) {
  const facility = await getFacilityTerms(actor);
  if (!facility || actor.org.kind !== "STUDIO") return { facility: null, deals: [] };
  const deals = await applicableDeals(actor);
  const withFigures = await Promise.all(
    deals.map(async (d) => {
      const preview = await previewEligibility(actor, { dealId: d.id });
      return {
        id: d.id,
        name: d.name,
        currency: d.currency,
        licensee: { id: d.licensee.id, name: d.licensee.name, countryName: countryName(d.licensee.homeCountry, locale) },
        mgContracted: preview.ok ? preview.value.mgContracted : d.minimumGuarantee,
        mgReceived: preview.ok ? preview.value.mgReceived : null,
        eligibility: preview.ok ? preview.value : null,
      };
    }),
  );
  return {
    facility: {
      name: facility.name,
      currency: facility.currency,
      maxPerDeal: facility.maxPerDeal,
      advanceRatePct: facility.advanceRatePct,
      maxPerLicenseePct: facility.maxPerLicenseePct,
      feePct: facility.feePct,
    },
    deals: withFigures,
  };
}
