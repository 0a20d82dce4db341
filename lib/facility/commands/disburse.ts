import "server-only";
import { requestHash } from "@/lib/api/idempotency";
import type { Actor } from "@/lib/auth/actor";
import { refusePerson } from "@/lib/auth/person";
import { type Clock, clockNow, dateOnly, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { inTx, isUniqueViolation, type Tx } from "@/lib/db/tx";
import { fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { visibleTo } from "../queries";
import { coolingLeftMs, disbursementEntries } from "../rules";
import type { DisbursementBody } from "../schema";
import { allowed, lockAdvance, move, wrongStatus } from "./advance";

/** Disbursement: money out exactly once (Idempotency-Key, a row lock and two UNIQUE constraints). */

export type DisbursementView = {
  id: string;
  advanceId: string;
  principalMinor: bigint;
  feeMinor: bigint;
  currency: string;
  idempotencyKey: string;
  createdAt: Date;
  disbursedById: string | null;
  paymentReference: string | null;
  valueDate: string | null;
  payingAccount: string | null;
};

export type DisbursementOutcome = { disbursement: DisbursementView; replayed: boolean };

/** Hours a new member of the facility waits before disbursing (FACILITY_MEMBER_COOLING_HOURS, default 24). */
export function facilityCoolingHours(): number {
  const hours = Number(process.env.FACILITY_MEMBER_COOLING_HOURS ?? 24);
  return Number.isFinite(hours) && hours >= 0 ? hours : 24;
}

/**
 * A person who joined the facility recently cannot disburse yet: one owner cannot invite a
 * second address of their own and pay out what they approved the same day (403 COOLING_PERIOD
 * with the time left).
 */
async function coolingRefusal(tx: Tx, userId: string, facilityOrgId: string) {
  const membership = await tx.membership.findUnique({
    where: { userId_organizationId: { userId, organizationId: facilityOrgId } },
    select: { createdAt: true },
  });
  const hours = facilityCoolingHours();
  const left = membership ? coolingLeftMs(membership.createdAt, new Date(), hours) : 0;
  if (left <= 0) return null;
  const allowedFrom = new Date(Date.now() + left);
  const timeLeft = `${Math.floor(left / 3_600_000)} h ${Math.ceil((left % 3_600_000) / 60_000)} min`;
  return fail(
    "forbidden",
    "COOLING_PERIOD",
    `New members of the facility disburse only after ${hours} h of membership; you can disburse in ${timeLeft}.`,
    { details: { timeLeftSeconds: Math.ceil(left / 1000), allowedFrom: allowedFrom.toISOString() } },
  );
}

/** SHA-256 of the advance id and the canonical request body (the shared Idempotency-Key fingerprint). */
export function disbursementRequestHash(advanceId: string, body: unknown): string {
  return requestHash({ advanceId }, body);
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
  paymentReference: d.paymentReference,
  valueDate: d.valueDate ? dateOnly(d.valueDate) : null,
  payingAccount: d.payingAccount,
});

/**
 * Pays an APPROVED advance once: the approved principal (DISBURSEMENT) and the fee (FEE,
 * round(principal × feePct / 100), none when 0). The Idempotency-Key makes retries safe: the same
 * key and body return the first disbursement (`replayed`), the same key with another body is 422,
 * another key for a disbursed advance is 409. The bank's payment reference, value date and paying
 * account are part of the body, so of the request the key replays. The advance row lock orders concurrent attempts;
 * UNIQUE(advance_id) and UNIQUE(facility_id, idempotency_key) make a second payment impossible
 * even without it. Four-eyes: the person who approved cannot disburse (403).
 */
export async function disburseAdvance(
  actor: Actor,
  id: string,
  input: { idempotencyKey: string; body: DisbursementBody },
  clock?: Clock,
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
      const notAPerson = await refusePerson(actor, "A disbursement (four-eyes)", tx);
      if (notAPerson || !actor.userId) return notAPerson ?? forbidden();
      const replay = await answerFromExisting(tx, a.facilityId, input.idempotencyKey, requestHash, a.currency);
      if (replay) return replay;
      if (a.decidedById === actor.userId) {
        return fail(
          "forbidden",
          "FOUR_EYES",
          "You approved this advance, so another person must disburse it (four-eyes rule, OWASP ASVS 2.3.5).",
        );
      }
      const cooling = await coolingRefusal(tx, actor.userId, actor.org.id);
      if (cooling) return cooling;
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
      const now = clockNow(clock);
      const disbursement = await tx.disbursement.create({
        data: {
          facilityId: a.facilityId,
          advanceId: a.id,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          principalMinor,
          feeMinor,
          disbursedById: actor.userId,
          paymentReference: input.body.paymentReference,
          valueDate: toDbDate(input.body.valueDate),
          payingAccount: input.body.payingAccount,
          createdAt: now,
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
      await move(tx, actor, a, "DISBURSED", { disbursedAt: now, updatedAt: now }, "advance.disburse", {
        disbursementId: disbursement.id,
        principalMinor: principalMinor.toString(),
        feeMinor: feeMinor.toString(),
        idempotencyKey: input.idempotencyKey,
        paymentReference: input.body.paymentReference,
        valueDate: input.body.valueDate,
        payingAccount: input.body.payingAccount,
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
