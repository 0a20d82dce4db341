"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession, getSignedInUser } from "@/lib/auth/gate";
import {
  acceptInvitation,
  changeMemberRole,
  createOrganizationAsPlatform,
  inviteMember,
  logoutEverywhere,
  removeMember,
  revokeInvitation,
  updateOrganization,
} from "./commands";
import { changeRoleSchema, createOrganizationSchema, inviteSchema, updateOrganizationSchema } from "./schema";

const id = z.uuid();

export async function inviteMemberAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(inviteSchema, input);
  if (!parsed.ok) return parsed;
  const result = await inviteMember(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidatePath("/settings/members");
  return { ok: true, data: { email: result.value.email } };
}

export async function revokeInvitationAction(invitationId: string): Promise<ActionResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!id.safeParse(invitationId).success) return { ok: false, reason: "NOT_FOUND", message: "Invitation not found." };
  const result = await revokeInvitation(session.actor, invitationId);
  revalidatePath("/settings/members");
  return result.ok ? { ok: true, data: null } : fromFailure(result);
}

export async function changeRoleAction(membershipId: string, input: unknown): Promise<ActionResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(changeRoleSchema, input);
  if (!parsed.ok) return parsed;
  if (!id.safeParse(membershipId).success) return { ok: false, reason: "NOT_FOUND", message: "Member not found." };
  const result = await changeMemberRole(session.actor, membershipId, parsed.data.role);
  revalidatePath("/settings/members");
  return result.ok ? { ok: true, data: null } : fromFailure(result);
}

export async function removeMemberAction(membershipId: string): Promise<ActionResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!id.safeParse(membershipId).success) return { ok: false, reason: "NOT_FOUND", message: "Member not found." };
  const result = await removeMember(session.actor, membershipId);
  revalidatePath("/settings/members");
  return result.ok ? { ok: true, data: null } : fromFailure(result);
}

export async function acceptInvitationAction(token: string): Promise<ActionResult<{ organizationId: string }>> {
  // A person with no organisation yet may accept, so this asks only for a signed-in user.
  const user = await getSignedInUser();
  if (!user) return unauthenticated;
  if (typeof token !== "string" || token.length > 200) return { ok: false, reason: "NOT_FOUND", message: "Invitation not found." };
  const result = await acceptInvitation(user, token, null);
  return result.ok ? { ok: true, data: result.value } : fromFailure(result);
}

export async function logoutEverywhereAction(): Promise<ActionResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const result = await logoutEverywhere(session.actor);
  return result.ok ? { ok: true, data: null } : fromFailure(result);
}

export async function createOrganizationAction(input: unknown): Promise<ActionResult<{ id: string; invitationUrl: string | null }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(createOrganizationSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createOrganizationAsPlatform(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidatePath("/organizations");
  const base = process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  const token = result.value.invitationToken;
  return { ok: true, data: { id: result.value.id, invitationUrl: token ? new URL(`/invite/${token}`, base).toString() : null } };
}

/** Settings → Organisation: owners change the time zone (audited). */
export async function updateOrganizationAction(
  input: unknown,
): Promise<ActionResult<{ timeZone: string | null; effectiveTimeZone: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(updateOrganizationSchema, input);
  if (!parsed.ok) return parsed;
  const result = await updateOrganization(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidatePath("/settings/organization");
  return { ok: true, data: { timeZone: result.value.timeZone, effectiveTimeZone: result.value.effectiveTimeZone } };
}
