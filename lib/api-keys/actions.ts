"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import { createApiKey, revokeApiKey } from "./commands";
import { createApiKeySchema } from "./schema";

export async function createApiKeyAction(input: unknown): Promise<ActionResult<{ id: string; key: string; name: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(createApiKeySchema, input);
  if (!parsed.ok) return parsed;
  const result = await createApiKey(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidatePath("/settings/api-keys");
  return { ok: true, data: { id: result.value.id, key: result.value.key, name: result.value.name } };
}

export async function revokeApiKeyAction(keyId: string): Promise<ActionResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!z.uuid().safeParse(keyId).success) return { ok: false, reason: "NOT_FOUND", message: "API key not found." };
  const result = await revokeApiKey(session.actor, keyId);
  revalidatePath("/settings/api-keys");
  return result.ok ? { ok: true, data: null } : fromFailure(result);
}
