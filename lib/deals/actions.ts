"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import { createAmendment, exerciseRenewal, proposeAmendment, signAmendment, withdrawAmendment } from "./commands/amend";
import { createDeal, updateDeal } from "./commands/draft";
import { terminateDeal } from "./commands/end";
import { addGrant, deleteGrant } from "./commands/grants";
import { proposeDeal, signDeal } from "./commands/sign";
import type { SigningConflict } from "./conflicts";
import { setRightsHeld } from "./rights-held";
import type { Gap } from "./rules";
import { amendmentInputSchema, createDealSchema, grantInputSchema, rightsHeldSchema, terminateSchema, updateDealSchema } from "./schema";

/**
 * Server actions of the deal pages: session → schema → command → ActionResult. The commands
 * check the permission table and the tenant themselves; these only adapt them to forms.
 */

const uuid = z.uuid();
const version = z.int().min(1);
const notFound: ActionResult<never> = { ok: false, reason: "NOT_FOUND", message: "Deal not found." };

/** A refused signature names what stands in the way (the same lists as the API's 409). */
export type SignRefusal = {
  ok: false;
  reason: "RIGHTS_CONFLICT" | "RIGHTS_NOT_HELD";
  message: string;
  conflicts: SigningConflict[];
  uncovered: (Gap & { titleId: string; grantId: string })[];
};
export type SignActionResult = ActionResult<{ status: "PROPOSED" | "SIGNED" }> | SignRefusal;

function refresh(dealId?: string) {
  revalidatePath("/deals");
  if (dealId) revalidatePath(`/deals/${dealId}`);
  revalidatePath("/avails");
  revalidatePath("/dashboard");
}

export async function createDealAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(createDealSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createDeal(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  refresh(result.value.id);
  return { ok: true, data: result.value };
}

/** Name, currency and terms; `version` (in the input) is the one the form was loaded with. */
export async function updateDealAction(dealId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success) return notFound;
  const parsed = parseInput(updateDealSchema, input);
  if (!parsed.ok) return parsed;
  const result = await updateDeal(session.actor, dealId, parsed.data);
  if (!result.ok) return fromFailure(result);
  refresh(dealId);
  return { ok: true, data: result.value };
}

export async function addGrantAction(dealId: string, dealVersion: number, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success) return notFound;
  const parsed = parseInput(grantInputSchema, input);
  if (!parsed.ok) return parsed;
  const v = version.safeParse(dealVersion);
  const result = await addGrant(session.actor, dealId, { ...parsed.data, version: v.success ? v.data : undefined });
  if (!result.ok) return fromFailure(result);
  refresh(dealId);
  return { ok: true, data: result.value };
}

export async function deleteGrantAction(dealId: string, grantId: string, dealVersion: number): Promise<ActionResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success || !uuid.safeParse(grantId).success) return notFound;
  const v = version.safeParse(dealVersion);
  const result = await deleteGrant(session.actor, dealId, grantId, v.success ? v.data : undefined);
  if (!result.ok) return fromFailure(result);
  refresh(dealId);
  return { ok: true, data: null };
}

export async function proposeDealAction(dealId: string, dealVersion: number): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success) return notFound;
  const v = version.safeParse(dealVersion);
  const result = await proposeDeal(session.actor, dealId, v.success ? v.data : undefined);
  if (!result.ok) return fromFailure(result);
  refresh(dealId);
  return { ok: true, data: result.value };
}

export async function signDealAction(dealId: string, dealVersion: number): Promise<SignActionResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success) return notFound;
  const v = version.safeParse(dealVersion);
  const result = await signDeal(session.actor, dealId, v.success ? v.data : undefined);
  if (!result.ok) {
    if (result.reason === "RIGHTS_CONFLICT" || result.reason === "RIGHTS_NOT_HELD") {
      const details = (result.details ?? {}) as { conflicts?: SignRefusal["conflicts"]; uncovered?: SignRefusal["uncovered"] };
      return {
        ok: false,
        reason: result.reason,
        message: result.message,
        conflicts: details.conflicts ?? [],
        uncovered: details.uncovered ?? [],
      };
    }
    return fromFailure(result);
  }
  refresh(dealId);
  return { ok: true, data: { status: result.value.status } };
}

export async function terminateDealAction(dealId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success) return notFound;
  const parsed = parseInput(terminateSchema, input);
  if (!parsed.ok) return parsed;
  const result = await terminateDeal(session.actor, dealId, parsed.data.reason);
  if (!result.ok) return fromFailure(result);
  refresh(dealId);
  return { ok: true, data: result.value };
}

/** Replaces the rights held of one of the studio's titles (PUT /titles/{id}/rights-held semantics). */
export async function setRightsHeldAction(titleId: string, input: unknown): Promise<ActionResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(titleId).success) return { ok: false, reason: "NOT_FOUND", message: "Title not found." };
  const parsed = parseInput(rightsHeldSchema, input);
  if (!parsed.ok) return parsed;
  const result = await setRightsHeld(session.actor, titleId, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidatePath(`/titles/${titleId}/rights`);
  revalidatePath("/avails");
  return { ok: true, data: null };
}

/** A new amendment of a signed deal (the form sends `{effectiveOn, note, changes}`). */
export async function createAmendmentAction(dealId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success) return notFound;
  const parsed = parseInput(amendmentInputSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createAmendment(session.actor, dealId, parsed.data);
  if (!result.ok) return fromFailure(result);
  refresh(dealId);
  return { ok: true, data: result.value };
}

export type AmendmentStep = "propose" | "sign" | "withdraw";
export type AmendmentStepResult = ActionResult<{ id: string; status?: "PROPOSED" | "SIGNED" }> | SignRefusal;

/** Propose, sign or withdraw an amendment at the version the page showed; a refused signature names its conflicts. */
export async function amendmentStepAction(
  dealId: string,
  amendmentId: string,
  step: AmendmentStep,
  v: number,
): Promise<AmendmentStepResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success || !uuid.safeParse(amendmentId).success) return notFound;
  const at = version.safeParse(v).success ? v : undefined;
  const run = { propose: proposeAmendment, sign: signAmendment, withdraw: withdrawAmendment }[step];
  if (!run) return notFound;
  const result = await run(session.actor, dealId, amendmentId, at);
  if (!result.ok) {
    if (result.reason === "RIGHTS_CONFLICT" || result.reason === "RIGHTS_NOT_HELD") {
      return {
        ok: false,
        reason: result.reason,
        message: result.message,
        conflicts: (result.details?.conflicts as SigningConflict[] | undefined) ?? [],
        uncovered: (result.details?.uncovered as SignRefusal["uncovered"] | undefined) ?? [],
      };
    }
    return fromFailure(result);
  }
  refresh(dealId);
  return { ok: true, data: result.value };
}

/** The licensee exercises the renewal option: the amendment is created and proposed. */
export async function exerciseRenewalAction(dealId: string): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(dealId).success) return notFound;
  const result = await exerciseRenewal(session.actor, dealId);
  if (!result.ok) return fromFailure(result);
  refresh(dealId);
  return { ok: true, data: result.value };
}
