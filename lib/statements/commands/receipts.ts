import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
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
  split: { creators: { name: string; amountMinor: bigint }[]; creatorsTotalMinor: bigint; facilityMinor: bigint; studioMinor: bigint };
};

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
export async function recordReceipt(actor: Actor, dealId: string, data: RecordReceiptData): Promise<Result<RecordedReceipt>> {
  if (!mayDo(actor, "statements.review")) return forbidden("Your role does not allow recording receipts.");
  try {
    return await db.$transaction(
      async (tx): Promise<Result<RecordedReceipt>> => {
        const deal = await lockDeal(tx, actor, dealId);
        if (!deal) return notFound("Deal");
        if (deal.licensorId !== actor.org.id) return forbidden("Only the licensor records receipts on a deal.");
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
        await applyRecoupment(tx, plan, { receiptId: receipt.id, actor });
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
        return ok({
          id: receipt.id,
          currency: deal.currency,
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
    throw error;
  }
}
