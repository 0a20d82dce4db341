import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { type Clock, clockNow } from "@/lib/dates";
import { inTx } from "@/lib/db/tx";
import { ok, type Result } from "@/lib/result";
import { ledgerBalances, zeroBalances } from "../ledger";
import { canTransition, writeOffEntry } from "../rules";
import { facilityDecider, lockAdvance, move, wrongStatus } from "./advance";

/** Default and write-off: a disbursed advance that will not be repaid. */

/** DISBURSED → DEFAULTED with a reason. Receipts keep being recouped against a DEFAULTED advance. */
export async function defaultAdvance(actor: Actor, id: string, input: { reason: string }, clock?: Clock): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    const refused = await facilityDecider(tx, actor, a, "facility.underwrite", "mark defaults");
    if (refused) return refused;
    if (!canTransition(a.status, "DEFAULTED")) return wrongStatus(a.status, "marked as defaulted");
    const now = clockNow(clock);
    await move(tx, actor, a, "DEFAULTED", { defaultReason: input.reason, defaultedAt: now, updatedAt: now }, "advance.default", {
      reason: input.reason,
    });
    return ok({ id: a.id });
  });
}

/** DEFAULTED → WRITTEN_OFF with a WRITE_OFF ledger entry for everything still owed (fee first). */
export async function writeOffAdvance(
  actor: Actor,
  id: string,
  input: { reason?: string } = {},
  clock?: Clock,
): Promise<Result<{ id: string }>> {
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    const refused = await facilityDecider(tx, actor, a, "facility.underwrite", "write advances off");
    if (refused) return refused;
    if (!canTransition(a.status, "WRITTEN_OFF")) return wrongStatus(a.status, "written off");
    const now = clockNow(clock);
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
          at: now,
        },
      });
    }
    await move(tx, actor, a, "WRITTEN_OFF", { writtenOffAt: now, updatedAt: now }, "advance.write_off", {
      writtenOffMinor: (entry?.amountMinor ?? 0n).toString(),
      reason: input.reason ?? null,
    });
    return ok({ id: a.id });
  });
}
