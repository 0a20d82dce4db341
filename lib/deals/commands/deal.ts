import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import { lockRow, type Tx } from "@/lib/db/tx";
import { type FieldError, fail, notFound, ok } from "@/lib/result";
import { partyOf } from "../queries";

/**
 * What every change of a deal shares: the party check, the refusals, and the row lock that
 * makes changes and signatures of one deal go one at a time (stale versions and settled deals refused).
 */

export const invalid = (errors: FieldError[]) => fail("invalid", "VALIDATION_FAILED", "Some fields need attention.", { errors });
export const stale = () =>
  fail("conflict", "STALE_UPDATE", "Someone changed this deal since you loaded it. Reload it and apply your change again.");

export function mayWrite(actor: Actor) {
  return can({ role: actor.role, orgKind: actor.org.kind }, "deals.write");
}

/**
 * Loads the deal for a change by a party, refusing stale versions and settled deals, and locks
 * its row so concurrent changes and signatures go one at a time.
 */
export async function lockForChange(tx: Tx, actor: Actor, dealId: string, version: number | undefined) {
  const deal = await tx.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] } });
  if (!deal) return notFound("Deal");
  await lockRow(tx, "deal", deal.id);
  const fresh = await tx.deal.findUniqueOrThrow({ where: { id: deal.id } });
  if (version !== undefined && version !== fresh.lockVersion) return stale();
  if (fresh.status !== "DRAFT" && fresh.status !== "PROPOSED") {
    return fail("conflict", "DEAL_SETTLED", `A ${fresh.status} deal cannot change; its terms are final.`);
  }
  return ok(fresh);
}

export type DealRow = Prisma.DealGetPayload<object>;

/** After any change to a proposed deal, signatures are void and the other party must sign again. */
export function afterChange(deal: DealRow, actor: Actor): Prisma.DealUpdateInput {
  const base: Prisma.DealUpdateInput = { lockVersion: { increment: 1 } };
  if (deal.status !== "PROPOSED") return base;
  const other = deal.licensorId === actor.org.id ? deal.licenseeId : deal.licensorId;
  return { ...base, awaitingOrgId: other, licensorSignedAt: null, licensorSignedBy: null, licenseeSignedAt: null, licenseeSignedBy: null };
}
