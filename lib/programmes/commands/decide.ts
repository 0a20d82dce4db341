import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { inTx } from "@/lib/db/tx";
import { moneyOf } from "@/lib/money/currency";
import { fail, forbidden, ok, type Result } from "@/lib/result";
import { programmeTotals } from "../queries";
import { checkBudget } from "../rules";
import { type DecisionInput, moneyMinor } from "../schema";
import { lockApplication, move, staffOnly, wrongStatus } from "./application";

/**
 * Review and decision. A member of the programme takes a SUBMITTED application into review; a
 * different person decides (four-eyes, 403 FOUR_EYES). An award locks the programme row first, so
 * concurrent awards are checked against the budget one after another and can never together
 * commit more than it (422 BUDGET_EXCEEDED with the numbers).
 */

export async function reviewApplication(
  actor: Actor,
  programmeId: string,
  applicationId: string,
  note?: string,
): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockApplication(tx, actor, programmeId, applicationId);
    if (!locked.ok) return locked;
    const a = locked.value;
    const refused = staffOnly(actor, a, "programmes.review", "review applications");
    if (refused) return refused;
    if (!actor.userId) return forbidden("A review needs a signed-in person (four-eyes), not an API key.");
    if (a.status !== "SUBMITTED") return wrongStatus(a.status, "taken into review");
    await move(tx, actor, a, "IN_REVIEW", { reviewedById: actor.userId, reviewedAt: new Date() }, "programme.application.review", {
      note: note ?? null,
    });
    return ok({ id: a.id });
  });
}

export async function decideApplication(
  actor: Actor,
  programmeId: string,
  applicationId: string,
  input: DecisionInput,
): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockApplication(tx, actor, programmeId, applicationId, { lockProgramme: input.decision === "AWARD" });
    if (!locked.ok) return locked;
    const a = locked.value;
    const refused = staffOnly(actor, a, "programmes.review", "decide applications");
    if (refused) return refused;
    if (!actor.userId) return forbidden("A decision needs a signed-in person (four-eyes), not an API key.");
    if (a.status !== "IN_REVIEW") return wrongStatus(a.status, "decided");
    if (a.reviewedById === actor.userId) {
      return fail("forbidden", "FOUR_EYES", "You reviewed this application, so another person must decide it (four-eyes rule).");
    }
    const now = new Date();
    if (input.decision === "DECLINE") {
      await move(
        tx,
        actor,
        a,
        "DECLINED",
        { decidedById: actor.userId, decidedAt: now, decisionNote: input.note },
        "programme.application.decline",
        {
          note: input.note,
        },
      );
      return ok({ id: a.id });
    }
    const m = moneyOf(a.programme.currency);
    let amount = a.requestedMinor;
    if (input.amount) {
      if (input.amount.currency !== a.programme.currency) {
        return fail("invalid", "VALIDATION_FAILED", `Award in the programme currency, ${a.programme.currency}.`, {
          errors: [{ path: "amount.currency", message: `Use ${a.programme.currency}.` }],
        });
      }
      amount = moneyMinor(input.amount) ?? 0n;
    }
    if (amount <= 0n || amount > a.requestedMinor) {
      return fail(
        "invalid",
        "AMOUNT_ABOVE_SNAPSHOT",
        `Award between 0 and the snapshot's amount, ${m(a.requestedMinor).amount} ${a.programme.currency}.`,
        {
          errors: [{ path: "amount.amount", message: `At most ${m(a.requestedMinor).amount}.` }],
          details: { requested: m(amount), snapshotAmount: m(a.requestedMinor) },
        },
      );
    }
    const totals = await programmeTotals(tx, a.programmeId);
    const committed = totals.awarded - totals.clawbacks;
    const budget = checkBudget(a.programme.budgetMinor, committed, amount);
    if (!budget.ok) {
      return fail(
        "invalid",
        "BUDGET_EXCEEDED",
        `Awarding ${m(amount).amount} would commit more than the budget: ${m(budget.committed).amount} of ${m(budget.budget).amount} ${a.programme.currency} is committed, ${m(budget.available).amount} is available.`,
        {
          errors: [{ path: "amount", message: `At most ${m(budget.available).amount} is available.` }],
          details: { budget: m(budget.budget), committed: m(budget.committed), requested: m(amount), available: m(budget.available) },
        },
      );
    }
    await move(
      tx,
      actor,
      a,
      "AWARDED",
      { decidedById: actor.userId, decidedAt: now, decisionNote: input.note, awardedMinor: amount },
      "programme.application.award",
      { awarded: m(amount), note: input.note },
    );
    return ok({ id: a.id });
  });
}
