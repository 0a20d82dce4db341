import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { type Clock, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tx";
import { type FieldError, forbidden, ok, type Result } from "@/lib/result";
import type { CreateDealData, UpdateDealData } from "../schema";
import { checkCurrency, type StoredTerms, storeTerms } from "../terms";
import { afterChange, invalid, lockForChange, mayWrite } from "./deal";

/** Drafting a deal: its name, currency and terms (fee, expense cap, share tiers, MG instalments, participants). */

function termsData(t: StoredTerms) {
  return {
    mgMinor: t.mgMinor,
    distributionFeePct: t.distributionFeePct,
    expenseCapMinor: t.expenseCapMinor,
    shareTiers: t.shareTiers ?? Prisma.DbNull,
    creatorParticipationPct: t.creatorParticipationPct,
    reportingFrequency: t.reportingFrequency,
    reportingDueDays: t.reportingDueDays,
    paymentDueDays: t.paymentDueDays,
    renewalOption: t.renewalOption ?? Prisma.DbNull,
  };
}

async function replaceTermChildren(tx: Tx, dealId: string, t: StoredTerms) {
  await tx.dealInstalment.deleteMany({ where: { dealId } });
  await tx.dealParticipant.deleteMany({ where: { dealId } });
  await tx.dealInstalment.createMany({
    data: t.instalments.map((i, position) => ({
      dealId,
      position,
      amountMinor: i.amountMinor,
      dueDate: i.dueDate ? toDbDate(i.dueDate) : null,
      trigger: i.trigger,
    })),
  });
  await tx.dealParticipant.createMany({ data: t.participants.map((p, position) => ({ dealId, position, ...p })) });
}

function auditTerms(t: StoredTerms) {
  return {
    mgMinor: t.mgMinor?.toString() ?? null,
    distributionFeePct: t.distributionFeePct,
    expenseCapMinor: t.expenseCapMinor?.toString() ?? null,
    shareTiers: t.shareTiers,
    creatorParticipationPct: t.creatorParticipationPct,
    instalments: t.instalments.map((i) => ({ ...i, amountMinor: i.amountMinor.toString() })),
    participants: t.participants,
    reportingFrequency: t.reportingFrequency,
    reportingDueDays: t.reportingDueDays,
    paymentDueDays: t.paymentDueDays,
    renewalOption: t.renewalOption,
  };
}

export async function createDeal(actor: Actor, data: CreateDealData, clock?: Clock): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Only studios and partners draft deals.");
  const errors: FieldError[] = [];
  const exponent = checkCurrency(data.currency, "currency", errors);
  const terms = storeTerms(data.terms, data.currency, exponent, errors);
  const otherId = (data.licenseeId ?? data.licensorId)!;
  const otherPath = data.licenseeId ? "licenseeId" : "licensorId";
  const other =
    otherId === actor.org.id
      ? null
      : await db.organization.findFirst({ where: { id: otherId, kind: { in: ["STUDIO", "PARTNER"] } }, select: { id: true, name: true } });
  if (!other) errors.push({ path: otherPath, message: "Choose another studio or partner organisation as the counterparty." });
  if (errors.length) return invalid(errors);
  const licensorId = data.licensorId ?? actor.org.id;
  const licenseeId = data.licenseeId ?? actor.org.id;
  const deal = await db.$transaction(async (tx) => {
    const created = await tx.deal.create({
      data: {
        name: data.name ?? `${actor.org.name} × ${other!.name}`,
        licensorId,
        licenseeId,
        drafterId: actor.org.id,
        currency: data.currency,
        ...termsData(terms),
        ...(clock?.now && { createdAt: clock.now, updatedAt: clock.now }),
      },
    });
    await replaceTermChildren(tx, created.id, terms);
    await recordAudit(tx, who(actor), {
      action: "deal.create",
      entityType: "Deal",
      entityId: created.id,
      partyOrgIds: [licensorId, licenseeId],
      after: { name: created.name, licensorId, licenseeId, currency: data.currency, terms: auditTerms(terms) },
    });
    return created;
  });
  return ok({ id: deal.id });
}

export async function updateDeal(actor: Actor, dealId: string, data: UpdateDealData): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow changing deals.");
  return db.$transaction(async (tx) => {
    const locked = await lockForChange(tx, actor, dealId, data.version);
    if (!locked.ok) return locked;
    const deal = locked.value;
    const errors: FieldError[] = [];
    const currency = data.currency ?? deal.currency;
    const exponent = checkCurrency(currency, "currency", errors);
    let terms: StoredTerms | undefined;
    if (data.terms) terms = storeTerms(data.terms, currency, exponent, errors);
    else if (data.currency && data.currency !== deal.currency) {
      errors.push({ path: "terms", message: "Changing the currency needs the terms restated in the new currency." });
    }
    if (errors.length) return invalid(errors);
    await tx.deal.update({
      where: { id: deal.id },
      data: { ...(data.name && { name: data.name }), currency, ...(terms && termsData(terms)), ...afterChange(deal, actor) },
    });
    if (terms) await replaceTermChildren(tx, deal.id, terms);
    await recordAudit(tx, who(actor), {
      action: "deal.update",
      entityType: "Deal",
      entityId: deal.id,
      partyOrgIds: [deal.licensorId, deal.licenseeId],
      before: { name: deal.name, currency: deal.currency, version: deal.lockVersion },
      after: { name: data.name ?? deal.name, currency, ...(terms && { terms: auditTerms(terms) }) },
    });
    return ok({ id: deal.id });
  });
}
