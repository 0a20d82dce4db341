import "server-only";
import { createHash } from "node:crypto";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { inTx, isUniqueViolation, lockRow, type Tx } from "@/lib/db/tx";
import { DOCX_MIME, officeTypeOf, sniffType, XLSX_MIME, ZIP_MIME } from "@/lib/files/sniff";
import { type Failure, type FieldError, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { computeEligibility } from "./eligibility";
import { ledgerBalances, zeroBalances } from "./ledger";
import { breachMessage, presentEligibility } from "./present";
import { applicableDeal, facilityForApplication, visibleTo } from "./queries";
import { type AdvanceStatus, breaches, canTransition, disbursementEntries, writeOffEntry } from "./rules";
import type { AdvanceApplicationInput, AdvanceDecisionInput, FacilitySettingsInput } from "./schema";
import { moneyToMinor } from "./schema";

const allowed = (actor: Actor, permission: Permission) => can({ role: actor.role, orgKind: actor.org.kind }, permission);
const invalid = (errors: FieldError[]) => fail("invalid", "VALIDATION_FAILED", "Some fields need attention.", { errors });

function wrongStatus(status: string, action: string): Failure {
  return fail("conflict", "INVALID_STATUS", `An advance that is ${status} cannot be ${action}.`, { details: { advanceStatus: status } });
}

// ---------------------------------------------------------------------------------------------
// Facility settings

export type FacilitySettingsUpdate = FacilitySettingsInput & { version?: number };

/**
 * Facility admins change the settings (optimistic lock on `version`). A change only constrains
 * new approvals: existing advances keep their amounts, currency and ledger. The currency can
 * change only while the facility has no advances (every advance and ledger amount is in it).
 */
export async function updateFacilitySettings(actor: Actor, input: FacilitySettingsUpdate): Promise<Result<{ id: string }>> {
  if (!allowed(actor, "facility.manage")) return forbidden("Only facility owners and admins change the facility's settings.");
  const capacityMinor = moneyToMinor(input.capacity);
  const maxPerDealMinor = moneyToMinor(input.maxPerDeal);
  if (capacityMinor === null || maxPerDealMinor === null) {
    return invalid([{ path: capacityMinor === null ? "capacity.amount" : "maxPerDeal.amount", message: "Use the currency's digits." }]);
  }
  return inTx(async (tx) => {
    const facility = await tx.facility.findFirst({ where: { orgId: actor.org.id } });
    if (!facility) return notFound("Facility");
    await lockRow(tx, "facility", facility.id);
    const fresh = await tx.facility.findUniqueOrThrow({ where: { id: facility.id } });
    if (input.version !== undefined && input.version !== fresh.lockVersion) {
      return fail(
        "conflict",
        "STALE_UPDATE",
        "Someone changed the facility settings since you loaded them. Reload and apply your change again.",
      );
    }
    if (input.currency !== fresh.currency && (await tx.advance.count({ where: { facilityId: fresh.id } })) > 0) {
      return fail("conflict", "CURRENCY_LOCKED", `The facility has advances in ${fresh.currency}; its currency can no longer change.`, {
        errors: [{ path: "currency", message: `Keep ${fresh.currency}: advances exist in it.` }],
      });
    }
    const data = {
      currency: input.currency,
      capacityMinor,
      advanceRatePct: input.advanceRatePct,
      maxPerDealMinor,
      maxPerLicenseePct: input.maxPerLicenseePct,
      feePct: input.feePct,
      sweepPct: input.sweepPct,
    };
    await tx.facility.update({ where: { id: fresh.id }, data: { ...data, lockVersion: { increment: 1 } } });
    await recordAudit(tx, who(actor), {
      action: "facility.settings.update",
      entityType: "Facility",
      entityId: fresh.id,
      partyOrgIds: [actor.org.id],
      before: settingsAudit(fresh),
      after: settingsAudit(data),
    });
    return ok({ id: fresh.id });
  });
}

function settingsAudit(f: {
  currency: string;
  capacityMinor: bigint;
  advanceRatePct: { toString(): string };
  maxPerDealMinor: bigint;
  maxPerLicenseePct: { toString(): string };
  feePct: { toString(): string };
  sweepPct: { toString(): string };
}) {
  return {
    currency: f.currency,
    capacityMinor: f.capacityMinor.toString(),
    advanceRatePct: f.advanceRatePct.toString(),
    maxPerDealMinor: f.maxPerDealMinor.toString(),
    maxPerLicenseePct: f.maxPerLicenseePct.toString(),
    feePct: f.feePct.toString(),
    sweepPct: f.sweepPct.toString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Applications (studio)

export type AdvanceApplication = AdvanceApplicationInput & { facilityId?: string; submit?: boolean };

/** A studio applies (DRAFT; `submit: true` submits at once) against its own signed cross-border deal. */
export async function createAdvance(actor: Actor, input: AdvanceApplication): Promise<Result<{ id: string }>> {
  if (!allowed(actor, "advances.apply")) return forbidden("Only studio members apply for advances.");
  const facility = await facilityForApplication(input.facilityId);
  if (!facility) return invalid([{ path: "facilityId", message: "There is no such advance facility." }]);
  const deal = await applicableDeal(actor, input.dealId);
  if (!deal.ok) return deal;
  if (input.amount.currency !== facility.currency) {
    return invalid([{ path: "amount.currency", message: `Apply in the facility's currency, ${facility.currency}.` }]);
  }
  const amountMinor = moneyToMinor(input.amount);
  if (amountMinor === null || amountMinor <= 0n) return invalid([{ path: "amount.amount", message: "Use an amount above zero." }]);
  const created = await inTx(async (tx) => {
    const now = new Date();
    const advance = await tx.advance.create({
      data: {
        facilityId: facility.id,
        studioId: actor.org.id,
        dealId: deal.value.id,
        currency: facility.currency,
        amountMinor,
        purpose: input.purpose,
        createdById: actor.userId,
        ...(input.submit && { status: "SUBMITTED" as const, submittedAt: now }),
      },
    });
    await recordAudit(tx, who(actor), {
      action: "advance.create",
      entityType: "Advance",
      entityId: advance.id,
      partyOrgIds: [actor.org.id, facility.orgId],
      after: { dealId: deal.value.id, currency: facility.currency, amountMinor: amountMinor.toString(), purpose: input.purpose },
    });
    if (input.submit) {
      await recordAudit(tx, who(actor), {
        action: "advance.submit",
        entityType: "Advance",
        entityId: advance.id,
        partyOrgIds: [actor.org.id, facility.orgId],
        before: { status: "DRAFT" },
        after: { status: "SUBMITTED" },
      });
    }
    return advance;
  });
  return ok({ id: created.id });
}

type Locked = Prisma.AdvanceGetPayload<{
  include: { facility: true; deal: { select: { id: true; currency: true; mgMinor: true; licenseeId: true } } };
}>;

/** Loads an advance the actor may see and locks its row for the rest of the transaction. */
async function lockAdvance(tx: Tx, actor: Actor, id: string): Promise<Result<Locked>> {
  const found = await tx.advance.findFirst({ where: { AND: [{ id }, visibleTo(actor)] }, select: { id: true } });
  if (!found) return notFound("Advance");
  await lockRow(tx, "advance", found.id);
  const a = await tx.advance.findUniqueOrThrow({
    where: { id: found.id },
    include: { facility: true, deal: { select: { id: true, currency: true, mgMinor: true, licenseeId: true } } },
  });
  return ok(a);
}

const parties = (a: Locked) => [a.studioId, a.facility.orgId];

async function move(
  tx: Tx,
  actor: Actor,
  a: Locked,
  to: AdvanceStatus,
  data: Prisma.AdvanceUpdateInput,
  action: string,
  after: object = {},
) {
  await tx.advance.update({ where: { id: a.id }, data: { ...data, status: to, lockVersion: { increment: 1 } } });
  await recordAudit(tx, who(actor), {
    action,
    entityType: "Advance",
    entityId: a.id,
    partyOrgIds: parties(a),
    before: { status: a.status },
    after: { status: to, ...after },
  });
}

/** The studio changes a DRAFT application's amount or purpose. */
export async function updateAdvanceDraft(
  actor: Actor,
  id: string,
  input: { amount?: { amount: string; currency: string }; purpose?: string },
): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    if (a.studioId !== actor.org.id || !allowed(actor, "advances.apply"))
      return forbidden("Only the applying studio changes an application.");
    if (a.status !== "DRAFT") return wrongStatus(a.status, "changed");
    let amountMinor = a.amountMinor;
    if (input.amount) {
      if (input.amount.currency !== a.currency) return invalid([{ path: "amount.currency", message: `Apply in ${a.currency}.` }]);
      const m = moneyToMinor(input.amount);
      if (m === null || m <= 0n) return invalid([{ path: "amount.amount", message: "Use an amount above zero." }]);
      amountMinor = m;
    }
    const purpose = input.purpose ?? a.purpose;
    await tx.advance.update({ where: { id: a.id }, data: { amountMinor, purpose, lockVersion: { increment: 1 } } });
    await recordAudit(tx, who(actor), {
      action: "advance.update",
      entityType: "Advance",
      entityId: a.id,
      partyOrgIds: parties(a),
      before: { amountMinor: a.amountMinor.toString(), purpose: a.purpose },
      after: { amountMinor: amountMinor.toString(), purpose },
    });
    return ok({ id: a.id });
  });
}

/** DRAFT → SUBMITTED, by the applying studio. */
export async function submitAdvance(actor: Actor, id: string): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    if (a.studioId !== actor.org.id || !allowed(actor, "advances.apply"))
      return forbidden("Only the applying studio submits an application.");
    if (!canTransition(a.status, "SUBMITTED")) return wrongStatus(a.status, "submitted");
    await move(tx, actor, a, "SUBMITTED", { submittedAt: new Date() }, "advance.submit");
    return ok({ id: a.id });
  });
}

// ---------------------------------------------------------------------------------------------
// Underwriting (facility)

function facilityOnly(actor: Actor, a: Locked, permission: Permission, what: string): Failure | null {
  if (a.facility.orgId !== actor.org.id || !allowed(actor, permission)) return forbidden(`Only the facility's underwriters ${what}.`);
  return null;
}

/** SUBMITTED → UNDER_REVIEW (explicitly; a decision on a SUBMITTED advance starts the review itself). */
export async function startReview(actor: Actor, id: string): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    const refused = facilityOnly(actor, a, "facility.underwrite", "review applications");
    if (refused) return refused;
    if (!canTransition(a.status, "UNDER_REVIEW")) return wrongStatus(a.status, "put under review");
    await move(tx, actor, a, "UNDER_REVIEW", { reviewStartedAt: new Date() }, "advance.review");
    return ok({ id: a.id });
  });
}

/**
 * Approves (possibly a lower amount, with conditions) or declines with a reason. An approval is
 * checked against every limit on the decision date, with the facility row locked so that two
 * approvals cannot together exceed capacity or a licensee's concentration; it reserves its
 * amount until disbursed. A refused approval is a 422 listing each broken rule with its numbers.
 */
export async function decideAdvance(actor: Actor, id: string, input: AdvanceDecisionInput): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    let a = locked.value;
    const refused = facilityOnly(actor, a, "facility.underwrite", "decide applications");
    if (refused) return refused;
    if (input.decision === "APPROVED" && !actor.userId) {
      return forbidden("An approval needs a signed-in person (four-eyes: the approver cannot disburse), not an API key.");
    }
    const now = new Date();
    if (a.status === "SUBMITTED") {
      await move(tx, actor, a, "UNDER_REVIEW", { reviewStartedAt: now }, "advance.review");
      a = { ...a, status: "UNDER_REVIEW" };
    }
    if (!canTransition(a.status, input.decision)) return wrongStatus(a.status, "decided");
    if (input.decision === "DECLINED") {
      await move(tx, actor, a, "DECLINED", { declineReason: input.reason, decidedAt: now, decidedById: actor.userId }, "advance.decline", {
        reason: input.reason,
      });
      return ok({ id: a.id });
    }
    let approvedMinor = a.amountMinor;
    if (input.amount) {
      if (input.amount.currency !== a.currency) return invalid([{ path: "amount.currency", message: `Approve in ${a.currency}.` }]);
      const m = moneyToMinor(input.amount);
      if (m === null || m <= 0n) return invalid([{ path: "amount.amount", message: "Use an amount above zero." }]);
      if (m > a.amountMinor) {
        return invalid([
          { path: "amount.amount", message: `Approve at most the amount applied for, ${input.amount.currency} ${a.amountMinor}.` },
        ]);
      }
      approvedMinor = m;
    }
    // Serialises approvals of this facility: the limits are checked against committed exposure.
    await lockRow(tx, "facility", a.facilityId);
    const facility = await tx.facility.findUniqueOrThrow({ where: { id: a.facilityId } });
    if (facility.currency !== a.currency) {
      return fail("conflict", "CURRENCY_CHANGED", `The facility now works in ${facility.currency}; this application is in ${a.currency}.`);
    }
    const figures = await computeEligibility(tx, { facility, deal: a.deal, amountMinor: approvedMinor, date: now, excludeAdvanceId: a.id });
    if (!figures.ok) return figures;
    const view = presentEligibility(figures.value);
    const broken = breaches(figures.value.result);
    if (broken.length > 0) {
      const brokenViews = view.limits.filter((l) => !l.ok);
      return fail(
        "invalid",
        "LIMITS_EXCEEDED",
        `The approval breaks ${broken.length} limit(s): ${brokenViews.map(breachMessage).join(" ")}`,
        {
          errors: brokenViews.map((l) => ({ path: "amount", message: breachMessage(l) })),
          details: { rules: brokenViews, eligibility: view },
        },
      );
    }
    await move(
      tx,
      actor,
      a,
      "APPROVED",
      {
        approvedMinor,
        conditions: input.conditions ?? null,
        decidedAt: now,
        decidedById: actor.userId,
        decisionSnapshot: view,
      },
      "advance.approve",
      { approvedMinor: approvedMinor.toString(), conditions: input.conditions ?? null },
    );
    return ok({ id: a.id });
  });
}

// ---------------------------------------------------------------------------------------------
// Disbursement (exactly once)

export type DisbursementView = {
  id: string;
  advanceId: string;
  principalMinor: bigint;
  feeMinor: bigint;
  currency: string;
  idempotencyKey: string;
  createdAt: Date;
  disbursedById: string | null;
};

export type DisbursementOutcome = { disbursement: DisbursementView; replayed: boolean };

/** SHA-256 of the advance id and the canonical (key-sorted) request body. */
export function disbursementRequestHash(advanceId: string, body: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify({ advanceId, body: canonical(body ?? {}) }))
    .digest("hex");
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

const toView = (d: Prisma.DisbursementGetPayload<object>, currency: string): DisbursementView => ({
  id: d.id,
  advanceId: d.advanceId,
  principalMinor: d.principalMinor,
  feeMinor: d.feeMinor,
  currency,
  idempotencyKey: d.idempotencyKey,
  createdAt: d.createdAt,
  disbursedById: d.disbursedById,
});

export type DisbursementBody = { note?: string };

/**
 * Pays an APPROVED advance once: the approved principal (DISBURSEMENT) and the fee (FEE,
 * round(principal × feePct / 100), none when 0). The Idempotency-Key makes retries safe: the same
 * key and body return the first disbursement (`replayed`), the same key with another body is 422,
 * another key for a disbursed advance is 409. The advance row lock orders concurrent attempts;
 * UNIQUE(advance_id) and UNIQUE(facility_id, idempotency_key) make a second payment impossible
 * even without it. Four-eyes: the person who approved cannot disburse (403).
 */
export async function disburseAdvance(
  actor: Actor,
  id: string,
  input: { idempotencyKey: string; body: DisbursementBody },
): Promise<Result<DisbursementOutcome>> {
  const requestHash = disbursementRequestHash(id, input.body);
  try {
    return await inTx(async (tx) => {
      const locked = await lockAdvance(tx, actor, id);
      if (!locked.ok) return locked;
      const a = locked.value;
      if (a.facility.orgId !== actor.org.id || !allowed(actor, "facility.disburse")) {
        return forbidden("Only the facility's disbursement officers disburse advances.");
      }
      if (!actor.userId) return forbidden("A disbursement needs a signed-in person (four-eyes), not an API key.");
      const replay = await answerFromExisting(tx, a.facilityId, input.idempotencyKey, requestHash, a.currency);
      if (replay) return replay;
      if (a.decidedById === actor.userId) {
        return fail(
          "forbidden",
          "FOUR_EYES",
          "You approved this advance, so another person must disburse it (four-eyes rule, OWASP ASVS 2.3.5).",
        );
      }
      if (a.status !== "APPROVED") {
        const existing = await tx.disbursement.findUnique({ where: { advanceId: a.id } });
        if (existing) {
          return fail("conflict", "ALREADY_DISBURSED", "This advance has already been disbursed (under another Idempotency-Key).", {
            details: { disbursementId: existing.id },
          });
        }
        return wrongStatus(a.status, "disbursed");
      }
      const principalMinor = a.approvedMinor ?? a.amountMinor;
      const entries = disbursementEntries(principalMinor, a.facility.feePct.toString());
      const feeMinor = entries.find((e) => e.kind === "FEE")?.amountMinor ?? 0n;
      const now = new Date();
      const disbursement = await tx.disbursement.create({
        data: {
          facilityId: a.facilityId,
          advanceId: a.id,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          principalMinor,
          feeMinor,
          disbursedById: actor.userId,
        },
      });
      for (const e of entries) {
        await tx.ledgerEntry.create({
          data: {
            facilityId: a.facilityId,
            advanceId: a.id,
            kind: e.kind,
            amountMinor: e.amountMinor,
            disbursementId: disbursement.id,
            note: input.body.note ?? null,
            createdById: actor.userId,
            at: now,
          },
        });
      }
      await move(tx, actor, a, "DISBURSED", { disbursedAt: now }, "advance.disburse", {
        disbursementId: disbursement.id,
        principalMinor: principalMinor.toString(),
        feeMinor: feeMinor.toString(),
        idempotencyKey: input.idempotencyKey,
      });
      return ok({ disbursement: toView(disbursement, a.currency), replayed: false });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent attempt committed first: answer from the winner.
    const advance = await db.advance.findFirst({
      where: { AND: [{ id }, visibleTo(actor)] },
      select: { facilityId: true, currency: true },
    });
    if (!advance) return notFound("Advance");
    const replay = await answerFromExisting(db, advance.facilityId, input.idempotencyKey, requestHash, advance.currency);
    if (replay) return replay;
    const existing = await db.disbursement.findUnique({ where: { advanceId: id } });
    return fail("conflict", "ALREADY_DISBURSED", "This advance has already been disbursed (under another Idempotency-Key).", {
      details: existing ? { disbursementId: existing.id } : {},
    });
  }
}

async function answerFromExisting(
  tx: Pick<Tx, "disbursement">,
  facilityId: string,
  key: string,
  requestHash: string,
  currency: string,
): Promise<Result<DisbursementOutcome> | null> {
  const existing = await tx.disbursement.findUnique({ where: { facilityId_idempotencyKey: { facilityId, idempotencyKey: key } } });
  if (!existing) return null;
  if (existing.requestHash !== requestHash) {
    return fail(
      "invalid",
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was already used with a different request (another advance or body). Use a new key for a new request.",
      { errors: [{ path: "Idempotency-Key", message: "Already used for a different request." }] },
    );
  }
  return ok({ disbursement: toView(existing, currency), replayed: true });
}

// ---------------------------------------------------------------------------------------------
// Default and write-off

/** DISBURSED → DEFAULTED with a reason. Receipts keep being recouped against a DEFAULTED advance. */
export async function defaultAdvance(actor: Actor, id: string, input: { reason: string }): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    const refused = facilityOnly(actor, a, "facility.underwrite", "mark defaults");
    if (refused) return refused;
    if (!canTransition(a.status, "DEFAULTED")) return wrongStatus(a.status, "marked as defaulted");
    await move(tx, actor, a, "DEFAULTED", { defaultReason: input.reason, defaultedAt: new Date() }, "advance.default", {
      reason: input.reason,
    });
    return ok({ id: a.id });
  });
}

/** DEFAULTED → WRITTEN_OFF with a WRITE_OFF ledger entry for everything still owed (fee first). */
export async function writeOffAdvance(actor: Actor, id: string, input: { reason?: string } = {}): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    const refused = facilityOnly(actor, a, "facility.underwrite", "write advances off");
    if (refused) return refused;
    if (!canTransition(a.status, "WRITTEN_OFF")) return wrongStatus(a.status, "written off");
    const balance = (await ledgerBalances(tx, [a.id])).get(a.id) ?? zeroBalances();
    const entry = writeOffEntry(balance);
    if (entry) {
      await tx.ledgerEntry.create({
        data: {
          facilityId: a.facilityId,
          advanceId: a.id,
          kind: "WRITE_OFF",
          amountMinor: entry.amountMinor,
          feePartMinor: entry.feePart,
          principalPartMinor: entry.principalPart,
          note: input.reason ?? null,
          createdById: actor.userId,
        },
      });
    }
    await move(tx, actor, a, "WRITTEN_OFF", { writtenOffAt: new Date() }, "advance.write_off", {
      writtenOffMinor: (entry?.amountMinor ?? 0n).toString(),
      reason: input.reason ?? null,
    });
    return ok({ id: a.id });
  });
}

// ---------------------------------------------------------------------------------------------
// Documents

export const ADVANCE_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ADVANCE_DOCUMENT_TYPES: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  [XLSX_MIME]: "xlsx",
  [DOCX_MIME]: "docx",
};

/** The file's real type from its first bytes (a declared type is not trusted), or null. */
export function sniffDocumentType(bytes: Uint8Array, declared: string, fileName: string): string | null {
  const type = sniffType(bytes);
  if (type === "application/pdf" || type === "image/png" || type === "image/jpeg") return type;
  return type === ZIP_MIME ? officeTypeOf(fileName, declared) : null;
}

/** The applying studio attaches a supporting document (PDF, PNG, JPEG, XLSX, DOCX; ≤ 10 MB). */
export async function addAdvanceDocument(
  actor: Actor,
  id: string,
  file: { bytes: Uint8Array; fileName: string; contentType: string },
): Promise<Result<{ id: string }>> {
  const visible = await db.advance.findFirst({ where: { AND: [{ id }, visibleTo(actor)] }, select: { id: true } });
  if (!visible) return notFound("Advance");
  if (file.bytes.byteLength > ADVANCE_DOCUMENT_MAX_BYTES) {
    return fail("invalid", "FILE_TOO_LARGE", "The file is larger than 10 MB.", {
      errors: [{ path: "file", message: "The file is larger than 10 MB." }],
    });
  }
  const type = sniffDocumentType(file.bytes, file.contentType, file.fileName);
  if (!type) {
    const message = "Attach a PDF, PNG, JPEG, XLSX or DOCX file.";
    return fail("invalid", "UNSUPPORTED_FILE_TYPE", message, { errors: [{ path: "file", message }] });
  }
  const fileName =
    [...file.fileName]
      .map((ch) => (ch.charCodeAt(0) < 32 || ch === "/" || ch === "\\" ? "_" : ch))
      .join("")
      .slice(0, 255) || `document.${ADVANCE_DOCUMENT_TYPES[type]}`;
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    if (a.studioId !== actor.org.id || !allowed(actor, "advances.apply")) return forbidden("Only the applying studio attaches documents.");
    if (!["DRAFT", "SUBMITTED", "UNDER_REVIEW"].includes(a.status)) return wrongStatus(a.status, "given new documents");
    const doc = await tx.advanceDocument.create({
      data: {
        advanceId: a.id,
        uploadedById: actor.userId,
        fileName,
        contentType: type,
        sizeBytes: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        data: Buffer.from(file.bytes),
      },
    });
    await recordAudit(tx, who(actor), {
      action: "advance.document.add",
      entityType: "Advance",
      entityId: a.id,
      partyOrgIds: parties(a),
      after: { documentId: doc.id, fileName, contentType: type, sizeBytes: file.bytes.byteLength },
    });
    return ok({ id: doc.id });
  });
}
