import "server-only";
import { createHash } from "node:crypto";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { inTx, isUniqueViolation, type Tx } from "@/lib/db/tx";
import { moneyOf } from "@/lib/money/currency";
import { fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import type { LedgerRecord } from "../present";
import { applicationsVisibleTo, ledgerSums } from "../queries";
import { canonicalJson, payable } from "../rules";
import { type ClawbackInput, moneyMinor, type PayoutInput } from "../schema";
import { type LockedApplication, lockApplication, move, parties, staffOnly } from "./application";

/**
 * Payouts and clawbacks: rows of the append-only programme ledger; what was paid is their sum.
 * Payouts follow the facility's disbursements (lib/facility/commands/disburse.ts): a required
 * Idempotency-Key (same key and body → the same payout, 200; same key, other body → 422), the
 * application row lock ordering concurrent payouts, and UNIQUE(programme_id, idempotency_key) as
 * the backstop. A payout never exceeds awarded − Σ payouts (422 PAYOUT_EXCEEDS_AWARD); reaching
 * the awarded amount moves the application to PAID.
 */

export type PayoutOutcome = { entry: LedgerRecord; currency: string; replayed: boolean };

export function payoutRequestHash(applicationId: string, body: unknown): string {
  return createHash("sha256")
    .update(canonicalJson({ applicationId, body: body ?? {} }))
    .digest("hex");
}

function inCurrency(a: LockedApplication, money: { amount: string; currency: string }): Result<bigint> {
  if (money.currency !== a.programme.currency) {
    return fail("invalid", "VALIDATION_FAILED", `Pay in the programme currency, ${a.programme.currency}.`, {
      errors: [{ path: "amount.currency", message: `Use ${a.programme.currency}.` }],
    });
  }
  const minor = moneyMinor(money);
  if (minor === null || minor <= 0n) {
    return fail("invalid", "VALIDATION_FAILED", "Use an amount above zero with the currency's digits.", {
      errors: [{ path: "amount.amount", message: "Use an amount above zero with the currency's digits." }],
    });
  }
  return ok(minor);
}

async function answerFromExisting(
  tx: Pick<Tx, "programmeLedgerEntry">,
  programmeId: string,
  key: string,
  requestHash: string,
  currency: string,
) {
  const existing = await tx.programmeLedgerEntry.findUnique({
    where: { programmeId_idempotencyKey: { programmeId, idempotencyKey: key } },
  });
  if (!existing) return null;
  if (existing.requestHash !== requestHash) {
    return fail(
      "invalid",
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was already used with a different request (another application or amount). Use a new key for a new payout.",
      { errors: [{ path: "Idempotency-Key", message: "Already used for a different request." }] },
    );
  }
  return ok({ entry: existing, currency, replayed: true });
}

export async function payOut(
  actor: Actor,
  programmeId: string,
  applicationId: string,
  input: { idempotencyKey: string; body: PayoutInput },
): Promise<Result<PayoutOutcome>> {
  const requestHash = payoutRequestHash(applicationId, input.body);
  try {
    return await inTx(async (tx) => {
      const locked = await lockApplication(tx, actor, programmeId, applicationId);
      if (!locked.ok) return locked;
      const a = locked.value;
      const refused = staffOnly(actor, a, "programmes.review", "pay out awards");
      if (refused) return refused;
      if (!actor.userId) return forbidden("A payout needs a signed-in person, not an API key.");
      const replay = await answerFromExisting(tx, a.programmeId, input.idempotencyKey, requestHash, a.programme.currency);
      if (replay) return replay;
      if (a.status === "PAID") return fail("conflict", "ALREADY_PAID", "This award has been paid in full.");
      if (a.status !== "AWARDED" || a.awardedMinor === null) {
        return fail("conflict", "INVALID_STATUS", `An application that is ${a.status} cannot be paid.`, {
          details: { applicationStatus: a.status },
        });
      }
      const amount = inCurrency(a, input.body.amount);
      if (!amount.ok) return amount;
      const sums = (await ledgerSums(tx, [a.id])).get(a.id) ?? { payouts: 0n, clawbacks: 0n };
      const rest = payable(a.awardedMinor, sums.payouts);
      const m = moneyOf(a.programme.currency);
      if (amount.value > rest) {
        return fail("invalid", "PAYOUT_EXCEEDS_AWARD", `At most ${m(rest).amount} ${a.programme.currency} is left to pay on this award.`, {
          errors: [{ path: "amount.amount", message: `At most ${m(rest).amount}.` }],
          details: { awarded: m(a.awardedMinor), paidOut: m(sums.payouts), payable: m(rest), requested: m(amount.value) },
        });
      }
      const entry = await tx.programmeLedgerEntry.create({
        data: {
          programmeId: a.programmeId,
          applicationId: a.id,
          kind: "PAYOUT",
          amountMinor: amount.value,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          createdById: actor.userId,
        },
      });
      const after = { payoutId: entry.id.toString(), amount: m(amount.value), idempotencyKey: input.idempotencyKey };
      if (amount.value === rest) {
        await move(tx, actor, a, "PAID", { paidAt: new Date() }, "programme.application.payout", after);
      } else {
        await recordAudit(tx, who(actor), {
          action: "programme.application.payout",
          entityType: "ProgrammeApplication",
          entityId: a.id,
          partyOrgIds: parties(a),
          after,
        });
      }
      return ok({ entry, currency: a.programme.currency, replayed: false });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent request with the same key committed first: answer from it.
    const a = await db.programmeApplication.findFirst({
      where: { AND: [{ id: applicationId, programmeId }, applicationsVisibleTo(actor)] },
      select: { programmeId: true, programme: { select: { currency: true } } },
    });
    if (!a) return notFound("Application");
    const replay = await answerFromExisting(db, a.programmeId, input.idempotencyKey, requestHash, a.programme.currency);
    if (replay) return replay;
    throw error;
  }
}

/** Records money recovered from the studio: at most what was paid net of earlier clawbacks. */
export async function clawBack(
  actor: Actor,
  programmeId: string,
  applicationId: string,
  input: ClawbackInput,
): Promise<Result<PayoutOutcome>> {
  return inTx(async (tx) => {
    const locked = await lockApplication(tx, actor, programmeId, applicationId);
    if (!locked.ok) return locked;
    const a = locked.value;
    const refused = staffOnly(actor, a, "programmes.review", "claw back payouts");
    if (refused) return refused;
    if (!actor.userId) return forbidden("A clawback needs a signed-in person, not an API key.");
    const amount = inCurrency(a, input.amount);
    if (!amount.ok) return amount;
    const sums = (await ledgerSums(tx, [a.id])).get(a.id) ?? { payouts: 0n, clawbacks: 0n };
    const net = sums.payouts - sums.clawbacks;
    const m = moneyOf(a.programme.currency);
    if (amount.value > net) {
      return fail(
        "invalid",
        "CLAWBACK_EXCEEDS_PAID",
        `At most ${m(net).amount} ${a.programme.currency} has been paid and not clawed back.`,
        {
          errors: [{ path: "amount.amount", message: `At most ${m(net).amount}.` }],
          details: { paid: m(net), requested: m(amount.value) },
        },
      );
    }
    const entry = await tx.programmeLedgerEntry.create({
      data: {
        programmeId: a.programmeId,
        applicationId: a.id,
        kind: "CLAWBACK",
        amountMinor: amount.value,
        reason: input.reason,
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, who(actor), {
      action: "programme.application.clawback",
      entityType: "ProgrammeApplication",
      entityId: a.id,
      partyOrgIds: parties(a),
      after: { clawbackId: entry.id.toString(), amount: m(amount.value), reason: input.reason },
    });
    return ok({ entry, currency: a.programme.currency, replayed: false });
  });
}
