"use server";
import { headers } from "next/headers";
import { type ActionResult, fromFailure, parseInput } from "@/lib/actions/result";
import { resolveLocale } from "@/lib/i18n/request";
import { registerWithInvitation, registerWithOrganization } from "@/lib/orgs/commands";
import { registerInvitedSchema, registerSchema } from "./schema";

export async function registerAction(input: unknown): Promise<ActionResult<{ organizationId: string }>> {
  const parsed = parseInput(registerSchema, input);
  if (!parsed.ok) return parsed;
  const requestId = (await headers()).get("x-request-id");
  const result = await registerWithOrganization(parsed.data, requestId, await resolveLocale());
  return result.ok ? { ok: true, data: { organizationId: result.value.organization.id } } : fromFailure(result);
}

export async function registerInvitedAction(input: unknown): Promise<ActionResult<{ email: string; organizationId: string }>> {
  const parsed = parseInput(registerInvitedSchema, input);
  if (!parsed.ok) return parsed;
  const requestId = (await headers()).get("x-request-id");
  const result = await registerWithInvitation(parsed.data, requestId, await resolveLocale());
  return result.ok
    ? { ok: true, data: { email: result.value.user.email, organizationId: result.value.organizationId } }
    : fromFailure(result);
}
