import "server-only";
import { json } from "@/lib/api/handler";
import type { Actor } from "@/lib/auth/actor";
import { money } from "@/lib/money/currency";
import { notFound } from "@/lib/result";
import type { DisbursementView } from "./commands";
import { getAdvance } from "./queries";

/** Answers with the advance as the actor now sees it (after a command). */
export async function advanceResponse(actor: Actor, id: string, status = 200) {
  const advance = await getAdvance(actor, id);
  return advance ? json(advance, status) : notFound("Advance");
}

export function presentDisbursement(d: DisbursementView) {
  return {
    id: d.id,
    advanceId: d.advanceId,
    principal: money(d.principalMinor, d.currency),
    fee: money(d.feeMinor, d.currency),
    idempotencyKey: d.idempotencyKey,
    disbursedById: d.disbursedById,
    createdAt: d.createdAt.toISOString(),
  };
}
