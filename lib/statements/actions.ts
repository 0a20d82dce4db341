"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import { moneyOf } from "@/lib/money/currency";
import { recordReceipt } from "./commands/receipts";
import { acceptStatement, disputeStatement, submitStatement } from "./commands/statements";
import type { MoneyView } from "./explain";
import { disputeStatementSchema, recordReceiptSchema, submitStatementSchema } from "./schema";

/**
 * Server actions of the statement, receipt and creator pages: session → schema → command →
 * ActionResult. The commands check the permission table, the tenant and the deal side
 * (licensee submits, licensor decides and records) themselves.
 */

const uuid = z.uuid();
const dealNotFound: ActionResult<never> = { ok: false, reason: "NOT_FOUND", message: "Deal not found." };
const statementNotFound: ActionResult<never> = { ok: false, reason: "NOT_FOUND", message: "Statement not found." };

function refresh(dealId: string, statementId?: string) {
  revalidatePath("/statements");
  if (statementId) revalidatePath(`/statements/${statementId}`);
  revalidatePath(`/deals/${dealId}`, "layout");
  revalidatePath("/outcomes");
  revalidatePath("/dashboard");
}

export async function submitStatementAction(dealId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success) return dealNotFound;
  const parsed = parseInput(submitStatementSchema, input);
  if (!parsed.ok) return parsed;
  const result = await submitStatement(session.actor, dealId, parsed.data, { source: "FORM" });
  if (!result.ok) return fromFailure(result);
  refresh(dealId, result.value.id);
  return { ok: true, data: { id: result.value.id } };
}

export async function acceptStatementAction(statementId: string): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(statementId).success) return statementNotFound;
  const result = await acceptStatement(session.actor, statementId);
  if (!result.ok) return fromFailure(result);
  refresh(result.value.dealId, statementId);
  return { ok: true, data: { id: statementId } };
}

export async function disputeStatementAction(statementId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(statementId).success) return statementNotFound;
  const parsed = parseInput(disputeStatementSchema, input);
  if (!parsed.ok) return parsed;
  const result = await disputeStatement(session.actor, statementId, parsed.data);
  if (!result.ok) return fromFailure(result);
  refresh(result.value.dealId, statementId);
  return { ok: true, data: { id: statementId } };
}

export type RecordedReceiptView = {
  id: string;
  amount: MoneyView;
  split: { creators: { name: string; amount: MoneyView }[]; creatorsTotal: MoneyView; facility: MoneyView; studio: MoneyView };
};

export async function recordReceiptAction(dealId: string, input: unknown): Promise<ActionResult<RecordedReceiptView>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success) return dealNotFound;
  const parsed = parseInput(recordReceiptSchema, input);
  if (!parsed.ok) return parsed;
  const result = await recordReceipt(session.actor, dealId, parsed.data);
  if (!result.ok) return fromFailure(result);
  const r = result.value;
  const money = moneyOf(r.currency);
  refresh(dealId);
  return {
    ok: true,
    data: {
      id: r.id,
      // The parts sum exactly to the receipt; this shows it with the currency's digits.
      amount: money(r.split.creatorsTotalMinor + r.split.facilityMinor + r.split.studioMinor),
      split: {
        creators: r.split.creators.map((c) => ({ name: c.name, amount: money(c.amountMinor) })),
        creatorsTotal: money(r.split.creatorsTotalMinor),
        facility: money(r.split.facilityMinor),
        studio: money(r.split.studioMinor),
      },
    },
  };
}
