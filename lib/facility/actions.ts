"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import type { Money } from "@/lib/money/money";
import { createAdvance, submitAdvance, updateAdvanceDraft } from "./commands/apply";
import { disburseAdvance } from "./commands/disburse";
import { updateFacilitySettings } from "./commands/settings";
import { decideAdvance, startReview } from "./commands/underwrite";
import { defaultAdvance, writeOffAdvance } from "./commands/write-off";
import type { LimitView } from "./present";
import {
  advanceApplicationSchema,
  advanceDecisionSchema,
  advanceDefaultSchema,
  disbursementBodySchema,
  facilitySettingsSchema,
} from "./schema";

/**
 * Server actions of the facility pages: session → schema → command → ActionResult. The commands
 * check the permission table, the tenant, the status machine and four-eyes themselves; these
 * only adapt them to forms and buttons.
 */

const uuid = z.uuid();
const notFound: ActionResult<never> = { ok: false, reason: "NOT_FOUND", message: "Advance not found." };
const idempotencyKey = z.string().trim().min(8).max(255);

function refresh(advanceId?: string) {
  revalidatePath("/advances");
  if (advanceId) revalidatePath(`/advances/${advanceId}`);
  revalidatePath("/portfolio");
  revalidatePath("/facility");
  revalidatePath("/dashboard");
}

/** A capacity below exposure, refused until the admin confirms it (the form asks, with both amounts). */
export type BelowExposureRefusal = { ok: false; reason: "CAPACITY_BELOW_EXPOSURE"; message: string; capacity: Money; exposure: Money };

/**
 * `version` is the settings version the form was loaded with (bound by the page): a stale save is
 * refused. `acknowledgeBelowExposure`: the admin confirmed a capacity below exposure.
 */
export async function updateFacilitySettingsAction(
  version: number | undefined,
  input: unknown,
  acknowledgeBelowExposure = false,
): Promise<ActionResult<{ id: string; belowExposure: boolean }> | BelowExposureRefusal> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(facilitySettingsSchema, input);
  if (!parsed.ok) return parsed;
  const v = z.int().min(1).safeParse(version);
  const result = await updateFacilitySettings(session.actor, {
    ...parsed.data,
    version: v.success ? v.data : undefined,
    acknowledgeBelowExposure: acknowledgeBelowExposure === true,
  });
  if (!result.ok) {
    if (result.reason === "CAPACITY_BELOW_EXPOSURE" && result.details) {
      const d = result.details as { capacity: Money; exposure: Money };
      return { ok: false, reason: "CAPACITY_BELOW_EXPOSURE", message: result.message, capacity: d.capacity, exposure: d.exposure };
    }
    return fromFailure(result);
  }
  refresh();
  return { ok: true, data: { id: result.value.id, belowExposure: result.value.warnings.length > 0 } };
}

/** Creates a DRAFT application, or saves the open draft `advanceId` (its deal stays). */
export async function saveApplicationAction(advanceId: string | null, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (advanceId !== null && !uuid.safeParse(advanceId).success) return notFound;
  const parsed = parseInput(advanceApplicationSchema, input);
  if (!parsed.ok) return parsed;
  const result =
    advanceId === null
      ? await createAdvance(session.actor, parsed.data)
      : await updateAdvanceDraft(session.actor, advanceId, { amount: parsed.data.amount, purpose: parsed.data.purpose });
  if (!result.ok) return fromFailure(result);
  refresh(result.value.id);
  return { ok: true, data: result.value };
}

export async function submitAdvanceAction(advanceId: string): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(advanceId).success) return notFound;
  const result = await submitAdvance(session.actor, advanceId);
  if (!result.ok) return fromFailure(result);
  refresh(advanceId);
  return { ok: true, data: result.value };
}

export async function startReviewAction(advanceId: string): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(advanceId).success) return notFound;
  const result = await startReview(session.actor, advanceId);
  if (!result.ok) return fromFailure(result);
  refresh(advanceId);
  return { ok: true, data: result.value };
}

/** An approval refused by the limits names each broken rule with its numbers (the API's 422). */
export type DecisionRefusal = { ok: false; reason: "LIMITS_EXCEEDED"; message: string; breaches: LimitView[] };

export async function decideAdvanceAction(advanceId: string, input: unknown): Promise<ActionResult<{ id: string }> | DecisionRefusal> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(advanceId).success) return notFound;
  const parsed = parseInput(advanceDecisionSchema, input);
  if (!parsed.ok) return parsed;
  const result = await decideAdvance(session.actor, advanceId, parsed.data);
  if (!result.ok) {
    if (result.reason === "LIMITS_EXCEEDED") {
      const rules = (result.details?.rules ?? []) as LimitView[];
      return { ok: false, reason: "LIMITS_EXCEEDED", message: result.message, breaches: rules };
    }
    return fromFailure(result);
  }
  refresh(advanceId);
  return { ok: true, data: result.value };
}

/**
 * Disburses with the Idempotency-Key the dialog generated when it opened: a double click or a
 * retry from the same dialog replays the same disbursement instead of paying twice.
 */
export async function disburseAdvanceAction(
  advanceId: string,
  key: string,
  input: unknown,
): Promise<ActionResult<{ id: string; replayed: boolean }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(advanceId).success) return notFound;
  const parsed = parseInput(disbursementBodySchema, input);
  if (!parsed.ok) return parsed;
  const k = idempotencyKey.safeParse(key);
  if (!k.success) {
    return {
      ok: false,
      reason: "VALIDATION_FAILED",
      message: "Missing Idempotency-Key.",
      fieldErrors: { "Idempotency-Key": ["Missing."] },
    };
  }
  const result = await disburseAdvance(session.actor, advanceId, { idempotencyKey: k.data, body: parsed.data });
  if (!result.ok) return fromFailure(result);
  refresh(advanceId);
  return { ok: true, data: { id: result.value.disbursement.id, replayed: result.value.replayed } };
}

export async function defaultAdvanceAction(advanceId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(advanceId).success) return notFound;
  const parsed = parseInput(advanceDefaultSchema, input);
  if (!parsed.ok) return parsed;
  const result = await defaultAdvance(session.actor, advanceId, parsed.data);
  if (!result.ok) return fromFailure(result);
  refresh(advanceId);
  return { ok: true, data: result.value };
}

export async function writeOffAdvanceAction(advanceId: string): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(advanceId).success) return notFound;
  const result = await writeOffAdvance(session.actor, advanceId);
  if (!result.ok) return fromFailure(result);
  refresh(advanceId);
  return { ok: true, data: result.value };
}
