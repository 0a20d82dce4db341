import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { type Clock, clockNow } from "@/lib/dates";
import { inTx } from "@/lib/db/tx";
import { forbidden, ok, type Result } from "@/lib/result";
import { applicableDeal, facilityForApplication } from "../queries";
import { canTransition } from "../rules";
import type { AdvanceApplicationInput } from "../schema";
import { moneyToMinor } from "../schema";
import { allowed, announce, invalid, lockAdvance, move, parties, wrongStatus } from "./advance";

/** Applications: the studio applies against its own signed cross-border deal, edits a draft and submits. */

export type AdvanceApplication = AdvanceApplicationInput & { facilityId?: string; submit?: boolean };

/** A studio applies (DRAFT; `submit: true` submits at once) against its own signed cross-border deal. */
export async function createAdvance(actor: Actor, input: AdvanceApplication, clock?: Clock): Promise<Result<{ id: string }>> {
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
    const now = clockNow(clock);
    const advance = await tx.advance.create({
      data: {
        facilityId: facility.id,
        studioId: actor.org.id,
        dealId: deal.value.id,
        currency: facility.currency,
        amountMinor,
        purpose: input.purpose,
        createdById: actor.userId,
        createdAt: now,
        updatedAt: now,
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
      await announce(tx, actor, { ...advance, facility: { orgId: facility.orgId } }, "SUBMITTED");
    }
    return advance;
  });
  return ok({ id: created.id });
}

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
export async function submitAdvance(actor: Actor, id: string, clock?: Clock): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    if (a.studioId !== actor.org.id || !allowed(actor, "advances.apply"))
      return forbidden("Only the applying studio submits an application.");
    if (!canTransition(a.status, "SUBMITTED")) return wrongStatus(a.status, "submitted");
    const now = clockNow(clock);
    await move(tx, actor, a, "SUBMITTED", { submittedAt: now, updatedAt: now }, "advance.submit");
    return ok({ id: a.id });
  });
}
