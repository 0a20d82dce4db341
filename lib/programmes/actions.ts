"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import { applyToProgramme } from "./commands/apply";
import { decideApplication, reviewApplication } from "./commands/decide";
import { clawBack, payOut } from "./commands/payouts";
import { createProgramme, updateProgramme } from "./commands/programme";
import { clawbackSchema, decisionSchema, payoutSchema, programmeCreateSchema } from "./schema";

/**
 * Server actions of the programme pages: session → schema → command → ActionResult. The commands
 * check the organisation kind, the permission table, the tenant, the statuses, four-eyes and the
 * budget themselves; these only adapt them to forms and buttons.
 */

const uuid = z.uuid();
const notFound: ActionResult<never> = { ok: false, reason: "NOT_FOUND", message: "Not found." };
const idempotencyKey = z.string().trim().min(8).max(255);

function refresh(programmeId?: string, applicationId?: string) {
  revalidatePath("/programmes");
  if (programmeId) revalidatePath(`/programmes/${programmeId}`);
  if (programmeId && applicationId) revalidatePath(`/programmes/${programmeId}/applications/${applicationId}`);
  revalidatePath("/dashboard");
}

export async function createProgrammeAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(programmeCreateSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createProgramme(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  refresh(result.value.id);
  return { ok: true, data: result.value };
}

/** `version` is the programme version the form was loaded with (bound by the page): a stale save is refused. */
export async function updateProgrammeAction(programmeId: string, version: number, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(programmeId).success) return notFound;
  const parsed = parseInput(programmeCreateSchema, input);
  if (!parsed.ok) return parsed;
  const result = await updateProgramme(session.actor, programmeId, { ...parsed.data, version });
  if (!result.ok) return fromFailure(result);
  refresh(programmeId);
  return { ok: true, data: result.value };
}

export async function applyAction(programmeId: string): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(programmeId).success) return notFound;
  const result = await applyToProgramme(session.actor, programmeId);
  if (!result.ok) return fromFailure(result);
  refresh(programmeId, result.value.id);
  return { ok: true, data: result.value };
}

export async function reviewAction(programmeId: string, applicationId: string): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(programmeId).success || !uuid.safeParse(applicationId).success) return notFound;
  const result = await reviewApplication(session.actor, programmeId, applicationId);
  if (!result.ok) return fromFailure(result);
  refresh(programmeId, applicationId);
  return { ok: true, data: result.value };
}

export async function decideAction(programmeId: string, applicationId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(programmeId).success || !uuid.safeParse(applicationId).success) return notFound;
  const parsed = parseInput(decisionSchema, input);
  if (!parsed.ok) return parsed;
  const result = await decideApplication(session.actor, programmeId, applicationId, parsed.data);
  if (!result.ok) return fromFailure(result);
  refresh(programmeId, applicationId);
  return { ok: true, data: result.value };
}

/** Pays with the Idempotency-Key the dialog generated when it opened: a double click replays the same payout. */
export async function payoutAction(
  programmeId: string,
  applicationId: string,
  key: string,
  input: unknown,
): Promise<ActionResult<{ id: string; replayed: boolean }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(programmeId).success || !uuid.safeParse(applicationId).success) return notFound;
  const k = idempotencyKey.safeParse(key);
  if (!k.success)
    return {
      ok: false,
      reason: "VALIDATION_FAILED",
      message: "Missing Idempotency-Key.",
      fieldErrors: { "Idempotency-Key": ["Missing."] },
    };
  const parsed = parseInput(payoutSchema, input);
  if (!parsed.ok) return parsed;
  const result = await payOut(session.actor, programmeId, applicationId, { idempotencyKey: k.data, body: parsed.data });
  if (!result.ok) return fromFailure(result);
  refresh(programmeId, applicationId);
  return { ok: true, data: { id: result.value.entry.id.toString(), replayed: result.value.replayed } };
}

export async function clawbackAction(programmeId: string, applicationId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(programmeId).success || !uuid.safeParse(applicationId).success) return notFound;
  const parsed = parseInput(clawbackSchema, input);
  if (!parsed.ok) return parsed;
  const result = await clawBack(session.actor, programmeId, applicationId, parsed.data);
  if (!result.ok) return fromFailure(result);
  refresh(programmeId, applicationId);
  return { ok: true, data: { id: result.value.entry.id.toString() } };
}
