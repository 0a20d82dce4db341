"use server";
import { headers } from "next/headers";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { clientAddress } from "@/lib/http/client-address";
import { resolveLocale } from "@/lib/i18n/request";
import { registerWithInvitation, registerWithOrganization } from "@/lib/orgs/commands";
import { confirmPasswordReset, requestPasswordReset, resendVerification, verifyEmail } from "@/lib/orgs/identity";
import { getSignedInUser } from "./gate";
import { passwordResetConfirmSchema, passwordResetRequestSchema, registerInvitedSchema, registerSchema, verifyEmailSchema } from "./schema";

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

/** The button on /verify-email/[token]: a click, not the page load, uses the token (mail scanners open links). */
export async function verifyEmailAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = parseInput(verifyEmailSchema, input);
  if (!parsed.ok) return parsed;
  const result = await verifyEmail(parsed.data.token);
  return result.ok ? { ok: true, data: result.value } : fromFailure(result);
}

export async function resendVerificationAction(): Promise<ActionResult<{ email: string }>> {
  const user = await getSignedInUser();
  if (!user) return unauthenticated;
  const result = await resendVerification(user.id);
  return result.ok ? { ok: true, data: result.value } : fromFailure(result);
}

export async function requestPasswordResetAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = parseInput(passwordResetRequestSchema, input);
  if (!parsed.ok) return parsed;
  const result = await requestPasswordReset(parsed.data.email, clientAddress(await headers()), await resolveLocale());
  return result.ok ? { ok: true, data: { email: parsed.data.email } } : fromFailure(result);
}

export async function confirmPasswordResetAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = parseInput(passwordResetConfirmSchema, input);
  if (!parsed.ok) return parsed;
  const requestId = (await headers()).get("x-request-id");
  const result = await confirmPasswordReset(parsed.data, requestId);
  return result.ok ? { ok: true, data: result.value } : fromFailure(result);
}
