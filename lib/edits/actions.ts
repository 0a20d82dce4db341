"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import { markNotificationsRead } from "@/lib/notifications/commands";
import { listNotifications, type NotificationItem, unreadNotificationCount } from "@/lib/notifications/queries";
import { markReadSchema } from "@/lib/notifications/schema";
import { addEditComment } from "./commands/conversation";
import { decideEditRequest } from "./commands/decide";
import { createEditRequest, updateEditRequest } from "./commands/draft";
import { setEditPolicy } from "./commands/policy";
import { submitEditRequest, withdrawEditRequest } from "./commands/submit";
import { getEditPolicy, getEditRequest } from "./queries";
import { createEditRequestSchema, editCommentSchema, editDecisionSchema, editPolicySchema, updateEditRequestSchema } from "./schema";

/**
 * Server actions of the edit-rights pages and the notification bell: session → schema → command
 * → ActionResult. The commands check the permission table and the tenant themselves; these only
 * adapt them to forms and buttons.
 */

const uuid = z.uuid();
const lockVersion = z.int().min(1);
const notFound = (what: string): ActionResult<never> => ({ ok: false, reason: "NOT_FOUND", message: `${what} not found.` });

function refreshRequest(id?: string) {
  revalidatePath("/edit-requests");
  if (id) revalidatePath(`/edit-requests/${id}`);
  revalidatePath("/notifications");
}

export async function saveEditPolicyAction(titleId: string, input: unknown): Promise<ActionResult<{ version: number }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(titleId).success) return notFound("Title");
  const parsed = parseInput(editPolicySchema, input);
  if (!parsed.ok) return parsed;
  const result = await setEditPolicy(session.actor, titleId, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidatePath(`/titles/${titleId}/edit-policy`);
  revalidatePath(`/titles/${titleId}`);
  return { ok: true, data: { version: result.value.version } };
}

export type PolicySnapshot = {
  version: number;
  createdAt: string;
  elements: { category: string; rule: string; maxPct: string | null; note: string | null }[];
} | null;

/** The policy in force for a title the actor can see (for the request form's live preview). */
export async function loadEditPolicyAction(titleId: string): Promise<ActionResult<PolicySnapshot>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(titleId).success) return notFound("Title");
  const view = await getEditPolicy(session.actor, titleId);
  if (!view) return notFound("Title");
  const p = view.policy;
  return { ok: true, data: p ? { version: p.version, createdAt: p.createdAt.toISOString(), elements: p.elements } : null };
}

/** The request's version after a change (the optimistic lock the next change must send). */
async function versionOf(actor: Parameters<typeof getEditRequest>[0], id: string): Promise<number> {
  return (await getEditRequest(actor, id))?.lockVersion ?? 1;
}

export async function createEditRequestAction(input: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(createEditRequestSchema, input);
  if (!parsed.ok) return parsed;
  const result = await createEditRequest(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  refreshRequest(result.value.id);
  return { ok: true, data: { id: result.value.id, version: await versionOf(session.actor, result.value.id) } };
}

/**
 * Saves the form over a DRAFT or CHANGES_REQUESTED request: the form sends the whole request (the
 * create shape); its title cannot change, every other field and all items are replaced.
 */
export async function updateEditRequestAction(
  id: string,
  version: number,
  input: unknown,
): Promise<ActionResult<{ id: string; version: number }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(id).success) return notFound("Edit request");
  const whole = parseInput(createEditRequestSchema, input);
  if (!whole.ok) return whole;
  const { titleId: _title, ...rest } = whole.data;
  const parsed = parseInput(updateEditRequestSchema, { ...rest, dealId: rest.dealId ?? null, version });
  if (!parsed.ok) return parsed;
  const result = await updateEditRequest(session.actor, id, parsed.data);
  if (!result.ok) return fromFailure(result);
  refreshRequest(id);
  return { ok: true, data: { id, version: await versionOf(session.actor, id) } };
}

export async function submitEditRequestAction(id: string, version?: number): Promise<ActionResult<{ status: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(id).success) return notFound("Edit request");
  const v = lockVersion.safeParse(version);
  const result = await submitEditRequest(session.actor, id, v.success ? v.data : undefined);
  if (!result.ok) return fromFailure(result);
  refreshRequest(id);
  return { ok: true, data: { status: result.value.status } };
}

export async function withdrawEditRequestAction(id: string, version?: number): Promise<ActionResult<{ status: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(id).success) return notFound("Edit request");
  const v = lockVersion.safeParse(version);
  const result = await withdrawEditRequest(session.actor, id, v.success ? v.data : undefined);
  if (!result.ok) return fromFailure(result);
  refreshRequest(id);
  return { ok: true, data: { status: "WITHDRAWN" } };
}

/** The studio decides waiting items (`{items}`) or sends the request back (`{requestChanges}`). */
export async function decideEditRequestAction(id: string, input: unknown): Promise<ActionResult<{ status: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(id).success) return notFound("Edit request");
  const parsed = parseInput(editDecisionSchema, input);
  if (!parsed.ok) return parsed;
  const result = await decideEditRequest(session.actor, id, parsed.data);
  if (!result.ok) return fromFailure(result);
  refreshRequest(id);
  return { ok: true, data: { status: result.value.status } };
}

export async function addEditCommentAction(id: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  if (!uuid.safeParse(id).success) return notFound("Edit request");
  const parsed = parseInput(editCommentSchema, input);
  if (!parsed.ok) return parsed;
  const result = await addEditComment(session.actor, id, parsed.data.body);
  if (!result.ok) return fromFailure(result);
  refreshRequest(id);
  return { ok: true, data: result.value };
}

// ---- notifications ------------------------------------------------------------------------------

export type BellData = { unread: number; latest: NotificationItem[] };

/** The bell's count and latest notifications (the bell polls this; the layout renders the first). */
export async function bellAction(): Promise<ActionResult<BellData>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const [unread, latest] = await Promise.all([unreadNotificationCount(session.actor), listNotifications(session.actor, { limit: 8 })]);
  return { ok: true, data: { unread, latest: latest.items } };
}

/** Marks the given notifications (`{ids}`) or all (`{all: true}`) of the signed-in person read. */
export async function markNotificationsReadAction(input: unknown): Promise<ActionResult<{ updated: number }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(markReadSchema, input);
  if (!parsed.ok) return parsed;
  const result = await markNotificationsRead(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidatePath("/notifications");
  return { ok: true, data: result.value };
}
