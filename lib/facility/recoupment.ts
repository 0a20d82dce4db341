import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { type Clock, clockNow } from "@/lib/dates";
import type { Tx } from "@/lib/db/tx";
import { notifyParties } from "@/lib/deals/notify";
import { pairOn } from "@/lib/fx/queries";
import { backward, type FxPair, forward, missingRate } from "@/lib/fx/rules";
import type { Failure } from "@/lib/result";
import { ledgerBalances, zeroBalances } from "./ledger";
import { applyPayment, canTransition, type OwingAdvance, recoup } from "./rules";

/**
 * Recoupment of advances from a licensing receipt (PRODUCT.md §6), called by the receipt command
 * inside its own transaction: plan (locks and computes) before the receipt row is written, since
 * the receipt stores the facility's part of its split; apply (ledger, REPAID, audit) after.
 *
 * Currency arithmetic. The sweep is computed in the RECEIPT currency, as the split is:
 * sweep = min(round((receipt − creators' pool) × sweepPct / 100), owed), where each advance's
 * owed (fee and principal, kept in the ADVANCE currency) is converted to the receipt currency at
 * the latest rate on or before the receipt date (at least 1 minor unit while anything is owed, so
 * a tiny remainder can always be cleared). recoup() allocates the sweep oldest advance first, fee
 * first. Each allocation is booked in the advance currency: one that covers an advance's whole
 * converted owed books exactly what is owed (owed reaches 0, no rounding residue, REPAID); a
 * partial one books round(amount × rate), never above what is owed. The ledger row keeps the
 * receipt-currency amount, the receipt currency and the rate (1 receipt currency = fx_rate advance
 * currency). A partial allocation worth 0 in the advance currency is not taken from the studio.
 */
export type PlannedRecoupment = {
  advanceId: string;
  facilityId: string;
  facilityOrgId: string;
  studioId: string;
  /** The advance's currency; amounts below are in it. */
  currency: string;
  amountMinor: bigint;
  feePartMinor: bigint;
  principalPartMinor: bigint;
  owedBeforeMinor: bigint;
  /** The part of the receipt (receipt currency) this entry takes. */
  sourceAmountMinor: bigint;
  sourceCurrency: string;
  /** 1 receipt currency = fxRate advance currency ("1" for the same currency). */
  fxRate: string;
  fxDate: string | null;
  /** Owed reaches 0: the advance becomes REPAID. */
  repaid: boolean;
};

export type RecoupmentPlan = {
  /** The facility's part of the receipt, in the receipt's currency (= Σ entries' sourceAmountMinor). */
  facilityMinor: bigint;
  currency: string;
  dealId: string;
  entries: PlannedRecoupment[];
};

/** Thrown by planRecoupment when the receipt cannot be split (a needed FX rate is missing). */
export class RecoupmentRefused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = "RecoupmentRefused";
  }
}

export function isRecoupmentRefused(error: unknown): error is RecoupmentRefused {
  return error instanceof RecoupmentRefused;
}

export type RecoupmentInput = { dealId: string; currency: string; receiptMinor: bigint; creatorsPoolMinor: bigint; receivedOn: Date };

/**
 * Locks the deal's owing advances (DISBURSED or DEFAULTED; oldest disbursement first) and plans
 * the facility's part of a receipt. Throws RecoupmentRefused (422 FX_RATE_MISSING) when an
 * advance's currency has no rate to the receipt's currency on or before the receipt date.
 */
export async function planRecoupment(tx: Tx, input: RecoupmentInput): Promise<RecoupmentPlan> {
  const plan: RecoupmentPlan = { facilityMinor: 0n, currency: input.currency, dealId: input.dealId, entries: [] };
  if (input.creatorsPoolMinor > input.receiptMinor || input.creatorsPoolMinor < 0n) {
    throw new RangeError("The creators' pool must be between 0 and the receipt.");
  }
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM advance
     WHERE deal_id = ${input.dealId}::uuid AND status IN ('DISBURSED', 'DEFAULTED')
     ORDER BY disbursed_at, id
       FOR UPDATE`;
  if (locked.length === 0) return plan;
  const ids = locked.map((r) => r.id);
  const advances = await tx.advance.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      studioId: true,
      currency: true,
      disbursedAt: true,
      facility: { select: { id: true, orgId: true, sweepPct: true } },
    },
  });
  const balances = await ledgerBalances(tx, ids);
  const owing = advances
    .map((a) => ({ ...a, balance: balances.get(a.id) ?? zeroBalances() }))
    .filter((a) => a.balance.owed > 0n)
    .sort((a, b) => (a.disbursedAt?.getTime() ?? 0) - (b.disbursedAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1));
  if (owing.length === 0) return plan;

  const pairs = new Map<string, FxPair>();
  for (const currency of new Set(owing.map((a) => a.currency))) {
    const pair = await pairOn(tx, { date: input.receivedOn, from: input.currency, to: currency });
    if (!pair) throw new RecoupmentRefused(missingRate(input.currency, currency, input.receivedOn));
    pairs.set(currency, pair);
  }

  // One facility in practice; several are swept in the order of their oldest advance, each at its
  // own sweepPct, never together more than the receipt after the creators' pool.
  const facilities = [...new Set(owing.map((a) => a.facility.id))];
  let available = input.receiptMinor - input.creatorsPoolMinor;
  for (const facilityId of facilities) {
    if (available <= 0n) break;
    const group = owing.filter((a) => a.facility.id === facilityId);
    const sweepPct = group[0]!.facility.sweepPct.toString();
    const inReceipt = new Map<string, { owed: bigint; fee: bigint }>();
    const owingInReceipt: OwingAdvance[] = group.map((a) => {
      const pair = pairs.get(a.currency)!;
      const owed = maxBig(backward(pair, a.balance.owed), 1n);
      const fee = minBig(backward(pair, a.balance.fee), owed);
      inReceipt.set(a.id, { owed, fee });
      return { id: a.id, disbursedAt: a.disbursedAt ?? new Date(0), owedMinor: owed, feeOwedMinor: fee, principalOwedMinor: owed - fee };
    });
    let result = recoup(owingInReceipt, input.receiptMinor, input.creatorsPoolMinor, sweepPct);
    if (result.sweep > available) result = recoup(owingInReceipt, available, 0n, "100");
    for (const entry of result.entries) {
      const a = group.find((g) => g.id === entry.advanceId)!;
      const pair = pairs.get(a.currency)!;
      const whole = entry.amountMinor === inReceipt.get(a.id)!.owed;
      const amount = whole ? a.balance.owed : minBig(forward(pair, entry.amountMinor), a.balance.owed);
      if (amount <= 0n) continue;
      const split = applyPayment(a.balance, amount);
      plan.entries.push({
        advanceId: a.id,
        facilityId,
        facilityOrgId: a.facility.orgId,
        studioId: a.studioId,
        currency: a.currency,
        amountMinor: split.applied,
        feePartMinor: split.feePart,
        principalPartMinor: split.principalPart,
        owedBeforeMinor: a.balance.owed,
        sourceAmountMinor: entry.amountMinor,
        sourceCurrency: input.currency,
        fxRate: pair.rate,
        fxDate: pair.date,
        repaid: split.applied === a.balance.owed,
      });
      plan.facilityMinor += entry.amountMinor;
      available -= entry.amountMinor;
    }
  }
  return plan;
}

/**
 * Writes the plan: one RECOUPMENT ledger entry per advance (linked to the receipt), REPAID for
 * advances whose owed reached 0 (a DEFAULTED advance is recouped too, and can be REPAID), audited.
 * A plan without entries writes nothing.
 */
export async function applyRecoupment(
  tx: Tx,
  plan: RecoupmentPlan,
  ctx: { receiptId: string; actor: Actor; clock?: Clock },
): Promise<void> {
  const now = clockNow(ctx.clock);
  for (const e of plan.entries) {
    await tx.ledgerEntry.create({
      data: {
        facilityId: e.facilityId,
        advanceId: e.advanceId,
        kind: "RECOUPMENT",
        amountMinor: e.amountMinor,
        feePartMinor: e.feePartMinor,
        principalPartMinor: e.principalPartMinor,
        receiptId: ctx.receiptId,
        sourceAmountMinor: e.sourceAmountMinor,
        sourceCurrency: e.sourceCurrency,
        fxRate: e.fxRate,
        createdById: ctx.actor.userId,
        at: now,
      },
    });
    let status: string | null = null;
    if (e.repaid) {
      const advance = await tx.advance.findUniqueOrThrow({ where: { id: e.advanceId }, select: { status: true } });
      if (canTransition(advance.status, "REPAID", { owedMinor: 0n })) {
        await tx.advance.update({
          where: { id: e.advanceId },
          data: { status: "REPAID", repaidAt: now, lockVersion: { increment: 1 } },
        });
        status = "REPAID";
        await notifyParties(tx, [e.studioId, e.facilityOrgId], {
          dealId: plan.dealId,
          kind: "ADVANCE_REPAID",
          subjectType: "Advance",
          subjectId: e.advanceId,
          href: `/advances/${e.advanceId}`,
          exceptUserId: ctx.actor.userId,
          params: { organization: ctx.actor.org.name },
        });
      }
    }
    await recordAudit(tx, who(ctx.actor), {
      action: "advance.recoup",
      entityType: "Advance",
      entityId: e.advanceId,
      partyOrgIds: [e.studioId, e.facilityOrgId],
      before: { owedMinor: e.owedBeforeMinor.toString() },
      after: {
        receiptId: ctx.receiptId,
        currency: e.currency,
        amountMinor: e.amountMinor.toString(),
        feePartMinor: e.feePartMinor.toString(),
        principalPartMinor: e.principalPartMinor.toString(),
        owedMinor: (e.owedBeforeMinor - e.amountMinor).toString(),
        source: { amountMinor: e.sourceAmountMinor.toString(), currency: e.sourceCurrency, fxRate: e.fxRate, fxDate: e.fxDate },
        ...(status && { status }),
      },
    });
  }
}

function minBig(a: bigint, b: bigint) {
  return a < b ? a : b;
}
function maxBig(a: bigint, b: bigint) {
  return a > b ? a : b;
}
