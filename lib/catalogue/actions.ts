"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { createMarketTest, createTitle, createVersion, updateTitle, updateVersion } from "./commands";
import {
  createEpisodeSchema,
  createMarketTestSchema,
  createSeasonSchema,
  createTitleSchema,
  createVersionSchema,
  updateTitleSchema,
  updateVersionSchema,
} from "./schema";
import { createEpisode, createSeason } from "./seasons";

/**
 * Server actions of the catalogue pages: session → permission → the same zod schema as the API →
 * the domain command. Field errors come back keyed by their path (e.g. `eidr`, `awards.0.year`)
 * so the form can put each on its field.
 */

const uuid = z.uuid();
const notFound: ActionResult<never> = { ok: false, reason: "NOT_FOUND", message: "Not found." };
const forbidden: ActionResult<never> = { ok: false, reason: "FORBIDDEN", message: "Only the studio that owns a title changes it." };

async function writer() {
  const session = await getSession();
  if (!session) return { ok: false as const, result: unauthenticated };
  if (!can({ role: session.actor.role, orgKind: session.actor.org.kind }, "catalogue.write"))
    return { ok: false as const, result: forbidden };
  return { ok: true as const, actor: session.actor };
}

function revalidateTitle(titleId: string) {
  revalidatePath("/titles");
  revalidatePath(`/titles/${titleId}`);
  revalidatePath("/dashboard");
}

export async function createTitleAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const who = await writer();
  if (!who.ok) return who.result;
  const parsed = parseInput(createTitleSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createTitle(who.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidateTitle(result.value.id);
  return { ok: true, data: result.value };
}

export async function updateTitleAction(titleId: string, input: unknown): Promise<ActionResult<{ id: string; lockVersion: number }>> {
  const who = await writer();
  if (!who.ok) return who.result;
  if (!uuid.safeParse(titleId).success) return notFound;
  const parsed = parseInput(updateTitleSchema, input);
  if (!parsed.ok) return parsed;
  const result = await updateTitle(who.actor, titleId, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidateTitle(titleId);
  return { ok: true, data: result.value };
}

/** Archive (hidden from lists and the marketplace) or restore, guarded by the lockVersion shown. */
export async function setTitleArchivedAction(
  titleId: string,
  archived: boolean,
  lockVersion: number,
): Promise<ActionResult<{ id: string; lockVersion: number }>> {
  return updateTitleAction(titleId, { archived: archived === true, lockVersion });
}

export async function createVersionAction(titleId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const who = await writer();
  if (!who.ok) return who.result;
  if (!uuid.safeParse(titleId).success) return notFound;
  const parsed = parseInput(createVersionSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createVersion(who.actor, titleId, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidateTitle(titleId);
  return { ok: true, data: result.value };
}

export async function updateVersionAction(
  titleId: string,
  versionId: string,
  input: unknown,
): Promise<ActionResult<{ id: string; lockVersion: number }>> {
  const who = await writer();
  if (!who.ok) return who.result;
  if (!uuid.safeParse(versionId).success || !uuid.safeParse(titleId).success) return notFound;
  const parsed = parseInput(updateVersionSchema, input);
  if (!parsed.ok) return parsed;
  // The command loads the version joined to the actor's own titles; titleId only picks the page to refresh.
  const result = await updateVersion(who.actor, versionId, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidateTitle(titleId);
  return { ok: true, data: result.value };
}

export async function createMarketTestAction(titleId: string, versionId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const who = await writer();
  if (!who.ok) return who.result;
  if (!uuid.safeParse(versionId).success || !uuid.safeParse(titleId).success) return notFound;
  const parsed = parseInput(createMarketTestSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createMarketTest(who.actor, versionId, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidateTitle(titleId);
  return { ok: true, data: result.value };
}

export async function createSeasonAction(titleId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const who = await writer();
  if (!who.ok) return who.result;
  if (!uuid.safeParse(titleId).success) return notFound;
  const parsed = parseInput(createSeasonSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createSeason(who.actor, titleId, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidateTitle(titleId);
  return { ok: true, data: result.value };
}

export async function createEpisodeAction(titleId: string, seasonId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const who = await writer();
  if (!who.ok) return who.result;
  if (!uuid.safeParse(titleId).success || !uuid.safeParse(seasonId).success) return notFound;
  const parsed = parseInput(createEpisodeSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createEpisode(who.actor, titleId, seasonId, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidateTitle(titleId);
  return { ok: true, data: result.value };
}
