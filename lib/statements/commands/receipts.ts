import "server-only";
import { requestHash } from "@/lib/api/idempotency";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { type Clock, dateOnly, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { isUniqueViolation, type Tx } from "@/lib/db/tx";
import { notifyParties } from "@/lib/deals/notify";
import { applyRecoupment, isRecoupmentRefused, planRecoupment } from "@/lib/facility/recoupment";
import { money, moneyOf } from "@/lib/money/currency";
import { formatAmount, parseAmount } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { type Failure, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { loadBalance } from "../queries";
import { splitReceipt } from "../rules";
import type { RecordReceiptData } from "../schema";
import { invalid, lockDeal, mayDo } from "./deal";

/** Receipts: split creator-first, then the facility's recoupment, in the same transaction. */

/** Receipts are recorded on deals whose terms are final, also after termination. */
const RECEIPT_STATUSES = new Set(["SIGNED", "EXPIRED", "TERMINATED"]);

export type RecordedReceipt = {
  id: string;
  currency: string;
  kind: RecordReceiptData["kind"];
  amountMinor: bigint;
  receivedOn: string;
  instalmentIndex: number | null;
  split: { creators: { name: string; amountMinor: bigint }[]; creatorsTotalMinor: bigint; facilityMinor: bigint; studioMinor: bigint };
  /** True when an earlier request with the same Idempotency-Key and body recorded it. */
  replayed: boolean;
};

const keyReused = () =>
  fail(
    "invalid",
    "IDEMPOTENCY_KEY_REUSED",
    "This Idempotency-Key was already used on this deal with a different request. Use a new key for a new receipt.",
    { errors: [{ path: "Idempotency-Key", message: "Already used for a different request." }] },
  );

/**
 * The receipt an earlier request with this Idempotency-Key recorded on the deal: the same body
 * replays it, another body is refused (422); null when the key is new.
 */
async function answerFromExisting(
  tx: Pick<Tx, "receipt" | "dealParticipant">,
  dealId: string,
  key: string,
  hash: string,
): Promise<Result<RecordedReceipt> | null> {
  const existing = await tx.receipt.findUnique({
    where: { dealId_idempotencyKey: { dealId, idempotencyKey: key } },
    include: { creatorShares: { orderBy: { position: "asc" } } },
  });
  if (!existing) return null;
  if (existing.requestHash !== hash) return keyReused();
  // No shares are stored when the creators' pool was zero: the split named each participant at 0.
  const creators =
    existing.creatorShares.length > 0
      ? existing.creatorShares.map((c) => ({ name: c.name, amountMinor: c.amountMinor }))
      : (await tx.dealParticipant.findMany({ where: { dealId }, orderBy: { position: "asc" } })).map((p) => ({
          name: p.name,
          amountMinor: 0n,
        }));
  return ok({
    id: existing.id,
    currency: existing.currency,
    kind: existing.kind,
    amountMinor: existing.amountMinor,
    receivedOn: dateOnly(existing.receivedOn),
    instalmentIndex: existing.instalmentIndex,
    split: {
      creators,
      creatorsTotalMinor: existing.creatorsTotalMinor,
      facilityMinor: existing.facilityMinor,
      studioMinor: existing.studioMinor,
    },
    replayed: true,
  });
}

function exceeds(what: string, openMinor: bigint, amountMinor: bigint, currency: string, extra: Record<string, unknown>): Failure {
  const exp = minorUnits(currency);
  const m = moneyOf(currency);
  const excess = amountMinor - openMinor;
  const message = `${what} has ${formatAmount(openMinor < 0n ? 0n : openMinor, exp)} ${currency} open; this receipt is ${formatAmount(excess, exp)} ${currency} more than that.`;
  return fail("invalid", "RECEIPT_EXCEEDS_OPEN", message, {
    errors: [{ path: "amount.amount", message }],
    details: { open: m(openMinor < 0n ? 0n : openMinor), excess: m(excess), ...extra },
  });
}

/**
 * The licensor records cash received: an MG instalment (no more than the instalment still open)
 * or overage (no more than the overage due and not yet received). In one transaction, with the
 * deal row locked so concurrent receipts cannot both take what is open: the split creator-first
 * (creators' pool by largest remainder), the facility's recoupment of the deal's advances, the
 * studio's rest; the receipt with its shares, the recoupment ledger entries, the audit entry.
 */
export async function recordReceipt(
  actor: Actor,
  dealId: string,
  data: RecordReceiptData,
  options: { idempotencyKey?: string | null; clock?: Clock } = {},
): Promise<Result<RecordedReceipt>> {
  if (!mayDo(actor, "statements.review")) return forbidden("Your role does not allow recording receipts.");
  const key = options.idempotencyKey ?? null;
  const hash = key === null ? null : requestHash({ dealId }, data);
  try {
    return await db.$transaction(
      async (tx): Promise<Result<RecordedReceipt>> => {
        const deal = await lockDeal(tx, actor, dealId);
        if (!deal) return notFound("Deal");
        if (deal.licensorId !== actor.org.id) return forbidden("Only the licensor records receipts on a deal.");
        // A retry is answered before any check: what it recorded has changed what is open. The
        // deal row lock orders concurrent requests, so a second one with the key sees the first's.
        if (key !== null && hash !== null) {
          const replay = await answerFromExisting(tx, deal.id, key, hash);
          if (replay) return replay;
        }
        if (!RECEIPT_STATUSES.has(deal.status))
          return fail("conflict", "DEAL_NOT_SIGNED", `Receipts are recorded on signed deals; this deal is ${deal.status}.`);
        const exp = minorUnits(deal.currency);
        if (data.amount.currency !== deal.currency)
          return invalid(
            [{ path: "amount.currency", message: `Use the deal's currency, ${deal.currency}.` }],
            "The receipt needs attention.",
          );
        const amountMinor = parseAmount(data.amount.amount, exp);
        if (amountMinor === null)
          return invalid(
            [{ path: "amount.amount", message: `${deal.currency} amounts have ${exp} decimal places.` }],
            "The receipt needs attention.",
          );
        if (amountMinor <= 0n)
          return invalid([{ path: "amount.amount", message: "A receipt must be more than zero." }], "The receipt needs attention.");

        const balance = await loadBalance(tx, deal);
        if (data.kind === "MG_INSTALMENT") {
          if (balance.instalments.length === 0)
            return invalid(
              [{ path: "kind", message: "This deal has no minimum guarantee to pay in instalments." }],
              "The receipt needs attention.",
            );
          if (data.instalmentIndex === undefined)
            return invalid(
              [{ path: "instalmentIndex", message: "Say which instalment this pays (0 for the first)." }],
              "The receipt needs attention.",
            );
          const instalment = balance.instalments.find((i) => i.index === data.instalmentIndex);
          if (!instalment)
            return invalid(
              [{ path: "instalmentIndex", message: `The deal has instalments 0 to ${balance.instalments.length - 1}.` }],
              "The receipt needs attention.",
            );
          if (amountMinor > instalment.openMinor)
            return exceeds(`Instalment ${instalment.index}`, instalment.openMinor, amountMinor, deal.currency, {
              instalmentIndex: instalment.index,
            });
        } else {
          if (data.instalmentIndex !== undefined)
            return invalid(
              [{ path: "instalmentIndex", message: "Only MG instalment receipts name an instalment." }],
              "The receipt needs attention.",
            );
          const open = balance.overageDueMinor - balance.overageReceivedMinor;
          if (amountMinor > open)
            return exceeds("The overage due", open, amountMinor, deal.currency, {
              overageDue: money(balance.overageDueMinor, deal.currency),
              overageReceived: money(balance.overageReceivedMinor, deal.currency),
            });
        }

        const participants = await tx.dealParticipant.findMany({ where: { dealId: deal.id }, orderBy: { position: "asc" } });
        const split = splitReceipt(
          amountMinor,
          {
            creatorParticipationPct: deal.creatorParticipationPct?.toString() ?? null,
            participants: participants.map((p) => ({ name: p.name, share: p.share.toString() })),
          },
          { sweepPct: null, owedMinor: 0n },
        );
        const receivedOn = toDbDate(data.receivedOn);
        const plan = await planRecoupment(tx, {
          dealId: deal.id,
          currency: deal.currency,
          receiptMinor: amountMinor,
          creatorsPoolMinor: split.creatorsTotal,
          receivedOn,
        });
        const facilityMinor = plan.facilityMinor;
        const studioMinor = amountMinor - split.creatorsTotal - facilityMinor;
        const receipt = await tx.receipt.create({
          data: {
            dealId: deal.id,
            kind: data.kind,
            currency: deal.currency,
            amountMinor,
            receivedOn,
            instalmentIndex: data.kind === "MG_INSTALMENT" ? (data.instalmentIndex ?? null) : null,
            creatorsTotalMinor: split.creatorsTotal,
            facilityMinor,
            studioMinor,
            recordedById: actor.userId,
            idempotencyKey: key,
            requestHash: hash,
            ...(options.clock?.now && { createdAt: options.clock.now }),
          },
          select: { id: true },
        });
        if (split.creatorsTotal > 0n)
          await tx.receiptShare.createMany({
            data: participants.map((p, i) => ({
              receiptId: receipt.id,
              participantId: p.id,
              position: i,
              name: p.name,
              amountMinor: split.creators[i]!.amount,
            })),
          });
        await applyRecoupment(tx, plan, { receiptId: receipt.id, actor, clock: options.clock });
        await recordAudit(tx, who(actor), {
          action: "receipt.record",
          entityType: "Receipt",
          entityId: receipt.id,
          partyOrgIds: [deal.licensorId, deal.licenseeId],
          after: {
            dealId: deal.id,
            kind: data.kind,
            currency: deal.currency,
            amountMinor: amountMinor.toString(),
            receivedOn: data.receivedOn,
            instalmentIndex: data.kind === "MG_INSTALMENT" ? data.instalmentIndex : null,
            split: {
              creators: split.creators.map((c) => ({ name: c.name, amountMinor: c.amount.toString() })),
              creatorsTotalMinor: split.creatorsTotal.toString(),
              facilityMinor: facilityMinor.toString(),
              studioMinor: studioMinor.toString(),
            },
          },
        });
        // The licensee hears its payment was booked; a facility recouping from it hears of its share.
        await notifyParties(tx, [deal.licenseeId, ...plan.entries.map((e) => e.facilityOrgId)], {
          dealId: deal.id,
          kind: "RECEIPT_RECORDED",
          subjectType: "Receipt",
          subjectId: receipt.id,
          href: `/deals/${deal.id}/receipts`,
          exceptUserId: actor.userId,
          params: { organization: actor.org.name, ...money(amountMinor, deal.currency), receiptKind: data.kind },
        });
        return ok({
          id: receipt.id,
          currency: deal.currency,
          kind: data.kind,
          amountMinor,
          receivedOn: data.receivedOn,
          instalmentIndex: data.kind === "MG_INSTALMENT" ? (data.instalmentIndex ?? null) : null,
          replayed: false,
          split: {
            creators: split.creators.map((c) => ({ name: c.name, amountMinor: c.amount })),
            creatorsTotalMinor: split.creatorsTotal,
            facilityMinor,
            studioMinor,
          },
        });
      },
      { timeout: 30_000, maxWait: 15_000 },
    );
  } catch (error) {
    if (isRecoupmentRefused(error)) return error.failure;
    if (key === null || hash === null || !isUniqueViolation(error)) throw error;
    // A concurrent request with the same key committed first (the lock makes this a backstop).
    const replay = await answerFromExisting(db, dealId, key, hash);
    if (replay) return replay;
    throw error;
  }
}
