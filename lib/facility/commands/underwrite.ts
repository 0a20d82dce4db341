import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { type Clock, clockNow } from "@/lib/dates";
import { inTx, lockRow } from "@/lib/db/tx";
import { fail, ok, type Result } from "@/lib/result";
import { computeEligibility } from "../eligibility";
import { breachMessage, presentEligibility } from "../present";
import { breaches, canTransition } from "../rules";
import type { AdvanceDecisionInput } from "../schema";
import { moneyToMinor } from "../schema";
import { facilityDecider, invalid, lockAdvance, move, wrongStatus } from "./advance";

/** Underwriting: the facility reviews an application and approves it (within every limit) or rejects it. */

/** SUBMITTED → UNDER_REVIEW (explicitly; a decision on a SUBMITTED advance starts the review itself). */
export async function startReview(actor: Actor, id: string, clock?: Clock): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    const refused = await facilityDecider(tx, actor, a, "facility.underwrite", "review applications");
    if (refused) return refused;
    if (!canTransition(a.status, "UNDER_REVIEW")) return wrongStatus(a.status, "put under review");
    const now = clockNow(clock);
    await move(tx, actor, a, "UNDER_REVIEW", { reviewStartedAt: now, updatedAt: now }, "advance.review");
    return ok({ id: a.id });
  });
}

/**
 * Approves (possibly a lower amount, with conditions) or declines with a reason. An approval is
 * checked against every limit on the decision date, with the facility row locked so that two
 * approvals cannot together exceed capacity or a licensee's concentration; it reserves its
 * amount until disbursed. A refused approval is a 422 listing each broken rule with its numbers.
 */
export async function decideAdvance(actor: Actor, id: string, input: AdvanceDecisionInput, clock?: Clock): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    let a = locked.value;
    const refused = await facilityDecider(tx, actor, a, "facility.underwrite", "decide applications");
    if (refused) return refused;
    const now = clockNow(clock);
    if (a.status === "SUBMITTED") {
      await move(tx, actor, a, "UNDER_REVIEW", { reviewStartedAt: now, updatedAt: now }, "advance.review");
      a = { ...a, status: "UNDER_REVIEW" };
    }
    if (!canTransition(a.status, input.decision)) return wrongStatus(a.status, "decided");
    if (input.decision === "DECLINED") {
      await move(
        tx,
        actor,
        a,
        "DECLINED",
        { declineReason: input.reason, decidedAt: now, decidedById: actor.userId, updatedAt: now },
        "advance.decline",
        { reason: input.reason },
      );
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
        updatedAt: now,
      },
      "advance.approve",
      { approvedMinor: approvedMinor.toString(), conditions: input.conditions ?? null },
    );
    return ok({ id: a.id });
  });
}
