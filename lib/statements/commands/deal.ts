import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import { lockRow, type Tx } from "@/lib/db/tx";
import { type FieldError, fail } from "@/lib/result";

/**
 * What statement and receipt commands share: each runs in one transaction that first locks the
 * deal row, so a deal's statements and receipts are decided one at a time (the exclusion
 * constraint on counting periods stays the backstop); nothing is written on a refusal.
 */

export const mayDo = (actor: Actor, permission: "statements.submit" | "statements.review") =>
  can({ role: actor.role, orgKind: actor.org.kind }, permission);
export const invalid = (errors: FieldError[], message = "The statement needs attention; nothing was saved.") =>
  fail("invalid", "VALIDATION_FAILED", message, { errors });

export const dealSelect = {
  id: true,
  name: true,
  status: true,
  currency: true,
  licensorId: true,
  licenseeId: true,
  mgMinor: true,
  distributionFeePct: true,
  expenseCapMinor: true,
  shareTiers: true,
  creatorParticipationPct: true,
} satisfies Prisma.DealSelect;

/** The deal if the actor is a party, locked FOR UPDATE until the transaction ends. */
export async function lockDeal(tx: Tx, actor: Actor, dealId: string) {
  const visible = await tx.deal.findFirst({
    where: { AND: [{ id: dealId }, { OR: [{ licensorId: actor.org.id }, { licenseeId: actor.org.id }] }] },
    select: { id: true },
  });
  if (!visible) return null;
  await lockRow(tx, "deal", visible.id);
  return tx.deal.findUniqueOrThrow({ where: { id: visible.id }, select: dealSelect });
}
