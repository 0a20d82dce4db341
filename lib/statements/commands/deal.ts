import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { lockRow, type Tx } from "@/lib/db/tx";
import { partyOf } from "@/lib/deals/queries";
import { type FieldError, fail } from "@/lib/result";
import { dealTermsSelect } from "../queries";

/**
 * What statement and receipt commands share: each runs in one transaction that first locks the
 * deal row, so a deal's statements and receipts are decided one at a time (the exclusion
 * constraint on counting periods stays the backstop); nothing is written on a refusal.
 */

export const mayDo = (actor: Actor, permission: "statements.submit" | "statements.review") =>
  can({ role: actor.role, orgKind: actor.org.kind }, permission);
export const invalid = (errors: FieldError[], message = "The statement needs attention; nothing was saved.") =>
  fail("invalid", "VALIDATION_FAILED", message, { errors });

/** The deal if the actor is a party, locked FOR UPDATE until the transaction ends. */
export async function lockDeal(tx: Tx, actor: Actor, dealId: string) {
  const visible = await tx.deal.findFirst({
    where: { AND: [{ id: dealId }, partyOf(actor)] },
    select: { id: true },
  });
  if (!visible) return null;
  await lockRow(tx, "deal", visible.id);
  return tx.deal.findUniqueOrThrow({ where: { id: visible.id }, select: dealTermsSelect });
}
