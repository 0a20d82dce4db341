import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import type { EditCategory } from "@/lib/catalogue/schema";
import type { Prisma } from "@/lib/db/generated/client";
import { lockRow, type Tx } from "@/lib/db/tx";
import { notifyOrganization } from "@/lib/notifications/commands";
import type { NotificationKind } from "@/lib/notifications/schema";
import { type FieldError, fail, notFound } from "@/lib/result";
import { visibleRequests } from "../queries";
import type { EditRequestItemData, EditRequestStatus } from "../schema";

/**
 * What every change of an edit request shares: the row lock that serialises changes (re-read
 * under the lock), the refusals, the version an approval produces, and the notifications.
 */

export const invalid = (errors: FieldError[], message = "Some fields need attention.") =>
  fail("invalid", "VALIDATION_FAILED", message, { errors });
export const stale = () =>
  fail("conflict", "STALE_UPDATE", "Someone changed this edit request since you loaded it. Reload it and apply your change again.");
export const missing = () => notFound("Edit request");

export const allowed = (actor: Actor, permission: Permission) => can({ role: actor.role, orgKind: actor.org.kind }, permission);

export const href = (id: string) => `/edit-requests/${id}`;

/** Who reads a request's audit entries: the partner alone while it is a draft, both once submitted. */
export const partiesOf = (r: { partnerId: string; studioId: string; submittedAt: Date | null }) =>
  r.submittedAt ? [r.partnerId, r.studioId] : [r.partnerId];

export const titleName = (t: { originalTitle: string; titleEn: string | null }) => t.titleEn ?? t.originalTitle;

export const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export function itemRows(items: EditRequestItemData[]) {
  return items.map((item, position) => ({
    position,
    category: item.category,
    description: item.description,
    rationale: item.rationale,
    magnitudePct: item.magnitudePct ?? null,
  }));
}

export const auditItems = (items: EditRequestItemData[]) =>
  items.map((i) => ({ category: i.category, description: i.description, rationale: i.rationale, magnitudePct: i.magnitudePct ?? null }));

export const requestIncludeForChange = {
  items: { orderBy: { position: "asc" } },
  title: { select: { id: true, originalTitle: true, titleEn: true, studioId: true, visibility: true, archivedAt: true } },
} satisfies Prisma.EditRequestInclude;
export type LockedRequest = Prisma.EditRequestGetPayload<{ include: typeof requestIncludeForChange }>;

/**
 * Finds the request as `side` (scoped in the WHERE), then locks its row so changes, submissions
 * and decisions on one request run one at a time, and reads it again under the lock.
 */
export async function lockRequest(tx: Tx, actor: Actor, id: string, side: "partner" | "studio" | "either"): Promise<LockedRequest | null> {
  const where: Prisma.EditRequestWhereInput =
    side === "partner"
      ? { id, partnerId: actor.org.id }
      : side === "studio"
        ? { id, studioId: actor.org.id, submittedAt: { not: null } }
        : { AND: [{ id }, visibleRequests(actor)] };
  const found = await tx.editRequest.findFirst({ where, select: { id: true } });
  if (!found) return null;
  await lockRow(tx, "edit_request", found.id);
  return tx.editRequest.findUniqueOrThrow({ where: { id: found.id }, include: requestIncludeForChange });
}

export const EDITABLE: readonly EditRequestStatus[] = ["DRAFT", "CHANGES_REQUESTED"];

/** The INTERNATIONAL version an approved (or partly approved) request produces, listing exactly the approved items. */
export async function createResultVersion(
  tx: Tx,
  actor: Actor,
  request: LockedRequest,
  approved: { category: EditCategory; description: string }[],
): Promise<string> {
  const base = await tx.version.findUniqueOrThrow({
    where: { id: request.baseVersionId },
    select: { audioLanguages: true, subtitleLanguages: true },
  });
  const name = clip(`${titleName(request.title)} — ${request.territories.join(", ")} international version`, 200);
  const version = await tx.version.create({
    data: {
      titleId: request.titleId,
      kind: "INTERNATIONAL",
      name,
      derivedFromId: request.baseVersionId,
      territories: request.territories,
      audioLanguages: base.audioLanguages,
      subtitleLanguages: base.subtitleLanguages,
      runtimeMinutes: null,
      status: "PLANNED",
      changes: { create: approved.map((a, position) => ({ position, category: a.category, description: clip(a.description, 2000) })) },
    },
  });
  await recordAudit(tx, who(actor), {
    action: "version.create",
    entityType: "Version",
    entityId: version.id,
    partyOrgIds: [request.studioId, request.partnerId],
    after: {
      titleId: request.titleId,
      kind: "INTERNATIONAL",
      name,
      derivedFromId: request.baseVersionId,
      territories: request.territories,
      editRequestId: request.id,
      dealId: request.dealId,
      changes: approved,
    },
  });
  return version.id;
}

export type Notice = { kind: NotificationKind; to: string; params?: Record<string, string | number | boolean | null> };

export async function notify(tx: Tx, actor: Actor, request: LockedRequest, notice: Notice) {
  await notifyOrganization(tx, {
    orgId: notice.to,
    kind: notice.kind,
    subjectType: "EditRequest",
    subjectId: request.id,
    href: href(request.id),
    exceptUserId: actor.userId,
    params: { requestName: request.name, titleName: titleName(request.title), ...notice.params },
  });
}
