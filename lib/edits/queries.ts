import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { readableTitles } from "@/lib/catalogue/queries";
import { EDIT_CATEGORIES } from "@/lib/catalogue/schema";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { notFound, ok } from "@/lib/result";
import { presentEditPolicy, presentEditRequest } from "./present";
import type { EditCommentListQuery, EditRequestListQuery } from "./schema";

/**
 * Which edit requests the acting organisation may read: a partner its own (drafts included); a
 * studio those on its titles once submitted (a draft is the partner's private work until then).
 * This filter goes into the WHERE of every request query; anything else answers 404.
 */
export function visibleRequests(actor: Actor): Prisma.EditRequestWhereInput {
  return { OR: [{ partnerId: actor.org.id }, { studioId: actor.org.id, submittedAt: { not: null } }] };
}

const orgRef = { select: { id: true, name: true, kind: true, homeCountry: true } } as const;
const titleRef = { select: { id: true, originalTitle: true, titleEn: true, titleZh: true, studioId: true } } as const;

export const editRequestInclude = {
  title: titleRef,
  baseVersion: { select: { id: true, name: true, kind: true } },
  resultVersion: { select: { id: true, name: true, status: true, territories: true } },
  deal: { select: { id: true, name: true, status: true } },
  partner: orgRef,
  studio: orgRef,
  policy: { select: { id: true, version: true, elements: true } },
  items: { orderBy: { position: "asc" } },
  _count: { select: { comments: true, attachments: true } },
} satisfies Prisma.EditRequestInclude;

export type EditRequestDetail = Prisma.EditRequestGetPayload<{ include: typeof editRequestInclude }>;

/** One edit request with its items, policy version, deal and result version; null when not visible. */
export async function getEditRequest(actor: Actor, id: string): Promise<EditRequestDetail | null> {
  return db.editRequest.findFirst({ where: { AND: [{ id }, visibleRequests(actor)] }, include: editRequestInclude });
}

export const editRequestListInclude = {
  title: titleRef,
  partner: orgRef,
  studio: orgRef,
  deal: { select: { id: true, name: true, status: true } },
  items: { select: { status: true }, orderBy: { position: "asc" } },
  _count: { select: { comments: true } },
} satisfies Prisma.EditRequestInclude;

export type EditRequestListRow = Prisma.EditRequestGetPayload<{ include: typeof editRequestListInclude }>;

const listCursor = z.object({ u: z.iso.datetime(), id: z.uuid() });

/** The requests the actor may read, most recently changed first; filters status/titleId; keyset pages. */
export async function listEditRequests(
  actor: Actor,
  query: EditRequestListQuery,
): Promise<{ items: EditRequestListRow[]; nextCursor: string | null }> {
  const filters: Prisma.EditRequestWhereInput[] = [visibleRequests(actor)];
  if (query.status) filters.push({ status: query.status });
  if (query.titleId) filters.push({ titleId: query.titleId });
  const after = decodeCursor(query.cursor, listCursor);
  if (after) {
    const u = new Date(after.u);
    filters.push({ OR: [{ updatedAt: { lt: u } }, { updatedAt: u, id: { lt: after.id } }] });
  }
  const rows = await db.editRequest.findMany({
    where: { AND: filters },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: editRequestListInclude,
  });
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ u: last.updatedAt.toISOString(), id: last.id }) : null };
}

/** Counts per status of the requests the actor may read (for dashboards and tabs). */
export async function editRequestCounts(actor: Actor): Promise<Record<string, number>> {
  const groups = await db.editRequest.groupBy({ by: ["status"], where: visibleRequests(actor), _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

// ---- policy -----------------------------------------------------------------------------------

export type EditPolicyView = {
  title: { id: string; originalTitle: string; titleEn: string | null; titleZh: string | null; studioId: string };
  /** True when the actor's organisation owns the title (and may change the policy). */
  own: boolean;
  /** The policy version in force; null when the studio has not set one. */
  policy: {
    id: string;
    version: number;
    createdAt: Date;
    elements: { category: string; rule: string; maxPct: string | null; note: string | null }[];
  } | null;
};

const policyInclude = { elements: true } satisfies Prisma.EditPolicyInclude;

function presentElements(elements: { category: string; rule: string; maxPct: Prisma.Decimal | null; note: string | null }[]) {
  // In the order of §7's category list (the enum order), whatever order they were stored in.
  const order: readonly string[] = EDIT_CATEGORIES;
  return [...elements]
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))
    .map((e) => ({ category: e.category, rule: e.rule, maxPct: e.maxPct?.toString() ?? null, note: e.note }));
}

/**
 * A title's edit policy in force (or the given version), for the studio that owns the title and
 * for everyone who can see the title in the catalogue (partners: LISTED titles). Null when the
 * title is not visible (404); `policy: null` when none is set yet.
 */
export async function getEditPolicy(actor: Actor, titleId: string, version?: number): Promise<EditPolicyView | null> {
  const title = await db.title.findFirst({ where: { AND: [{ id: titleId }, readableTitles(actor)] }, select: titleRef.select });
  if (!title) return null;
  const policy = await db.editPolicy.findFirst({
    where: { titleId: title.id, ...(version !== undefined && { version }) },
    orderBy: { version: "desc" },
    include: policyInclude,
  });
  return {
    title,
    own: title.studioId === actor.org.id,
    policy: policy && { id: policy.id, version: policy.version, createdAt: policy.createdAt, elements: presentElements(policy.elements) },
  };
}

/** Every version of a title's policy, newest first (history for the policy page); null when not visible. */
export async function listEditPolicyVersions(actor: Actor, titleId: string) {
  const title = await db.title.findFirst({ where: { AND: [{ id: titleId }, readableTitles(actor)] }, select: { id: true } });
  if (!title) return null;
  const rows = await db.editPolicy.findMany({ where: { titleId: title.id }, orderBy: { version: "desc" }, include: policyInclude });
  return rows.map((p) => ({
    id: p.id,
    version: p.version,
    createdAt: p.createdAt,
    createdById: p.createdById,
    elements: presentElements(p.elements),
  }));
}

// ---- comments, attachments, timeline -----------------------------------------------------------

const commentCursor = z.object({ c: z.iso.datetime(), id: z.uuid() });

export type EditComment = {
  id: string;
  body: string;
  org: { id: string; name: string };
  author: { id: string; name: string } | null;
  createdAt: Date;
};

/** A request's comments, oldest first, keyset-paginated; null when the request is not visible. */
export async function listEditComments(
  actor: Actor,
  requestId: string,
  query: EditCommentListQuery = { limit: 100 },
): Promise<{ items: EditComment[]; nextCursor: string | null } | null> {
  const request = await db.editRequest.findFirst({ where: { AND: [{ id: requestId }, visibleRequests(actor)] }, select: { id: true } });
  if (!request) return null;
  const filters: Prisma.EditRequestCommentWhereInput[] = [{ requestId: request.id, request: visibleRequests(actor) }];
  const after = decodeCursor(query.cursor, commentCursor);
  if (after) {
    const c = new Date(after.c);
    filters.push({ OR: [{ createdAt: { gt: c } }, { createdAt: c, id: { gt: after.id } }] });
  }
  const rows = await db.editRequestComment.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    include: { org: { select: { id: true, name: true } }, author: { select: { id: true, name: true } } },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ id: r.id, body: r.body, org: r.org, author: r.author, createdAt: r.createdAt })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ c: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** One comment, loaded joined to a request the actor may read; null otherwise. */
export async function getEditComment(actor: Actor, requestId: string, commentId: string): Promise<EditComment | null> {
  const r = await db.editRequestComment.findFirst({
    where: { id: commentId, requestId, request: visibleRequests(actor) },
    include: { org: { select: { id: true, name: true } }, author: { select: { id: true, name: true } } },
  });
  return r && { id: r.id, body: r.body, org: r.org, author: r.author, createdAt: r.createdAt };
}

const attachmentMeta = {
  id: true,
  requestId: true,
  orgId: true,
  uploadedById: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  createdAt: true,
} satisfies Prisma.EditRequestAttachmentSelect;

export type EditAttachmentMeta = Prisma.EditRequestAttachmentGetPayload<{ select: typeof attachmentMeta }>;

/** A request's attachments (without their bytes), oldest first; null when the request is not visible. */
export async function listEditAttachments(actor: Actor, requestId: string): Promise<EditAttachmentMeta[] | null> {
  const request = await db.editRequest.findFirst({ where: { AND: [{ id: requestId }, visibleRequests(actor)] }, select: { id: true } });
  if (!request) return null;
  return db.editRequestAttachment.findMany({
    where: { requestId: request.id, request: visibleRequests(actor) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: attachmentMeta,
  });
}

/** One attachment with its bytes, loaded joined to a request the actor may read; null otherwise. */
export async function getEditAttachment(actor: Actor, requestId: string, attachmentId: string) {
  return db.editRequestAttachment.findFirst({
    where: { id: attachmentId, requestId, request: visibleRequests(actor) },
    select: { ...attachmentMeta, data: true },
  });
}

export type TimelineEntry = {
  id: string;
  at: Date;
  action: string;
  organizationId: string | null;
  actor: { id: string; name: string } | null;
  viaApiKey: boolean;
  before: unknown;
  after: unknown;
};

/**
 * The request's history from the audit log, oldest first: every entry about it that the actor's
 * organisation is a party to. Null when the request is not visible.
 */
export async function editRequestTimeline(actor: Actor, id: string): Promise<TimelineEntry[] | null> {
  const request = await db.editRequest.findFirst({ where: { AND: [{ id }, visibleRequests(actor)] }, select: { id: true } });
  if (!request) return null;
  const rows = await db.auditEntry.findMany({
    where: { entityType: "EditRequest", entityId: request.id, partyOrgIds: { has: actor.org.id } },
    orderBy: { id: "asc" },
    take: 1000,
  });
  const userIds = [...new Set(rows.map((r) => r.actorUserId).filter((v): v is string => v !== null))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    action: r.action,
    organizationId: r.organizationId,
    actor: r.actorUserId ? (byId.get(r.actorUserId) ?? null) : null,
    viaApiKey: r.actorApiKeyId !== null,
    before: r.before,
    after: r.after,
  }));
}

// ---- options for the request form ------------------------------------------------------------

/**
 * Titles a partner may ask to adapt: LISTED, unarchived titles of every studio, with their
 * versions (the base to adapt) and whether a policy is set.
 */
export async function requestableTitles(_actor: Actor) {
  const titles = await db.title.findMany({
    where: { visibility: "LISTED", archivedAt: null },
    orderBy: [{ studio: { name: "asc" } }, { originalTitle: "asc" }],
    take: 2000,
    select: {
      ...titleRef.select,
      studio: { select: { id: true, name: true } },
      versions: { orderBy: [{ kind: "asc" }, { createdAt: "asc" }], select: { id: true, name: true, kind: true, territories: true } },
      _count: { select: { editPolicies: true } },
    },
  });
  return titles.map(({ _count, ...t }) => ({ ...t, hasPolicy: _count.editPolicies > 0 }));
}

/**
 * The actor's deals as licensee that an edit request can name, with the grants that permit
 * edits (title and territories), so the form can offer only deals that fit.
 */
export async function dealsForEdits(actor: Actor) {
  return db.deal.findMany({
    where: { licenseeId: actor.org.id, status: "SIGNED" },
    orderBy: { name: "asc" },
    take: 500,
    select: {
      id: true,
      name: true,
      status: true,
      licensorId: true,
      grants: {
        where: { editsPermitted: true },
        select: { id: true, titleId: true, territories: true, excludedTerritories: true, editsPermitted: true },
      },
    },
  });
}

/** The edit request as the API shows it to the actor, or null (404). */
export async function getEditRequestView(actor: Actor, id: string) {
  const request = await getEditRequest(actor, id);
  return request && presentEditRequest(request, actor.org.id);
}

/** The title's edit policy in force (or the given version) as the API shows it; 404 naming the title or the version. */
export async function getEditPolicyView(actor: Actor, titleId: string, version?: number) {
  const view = await getEditPolicy(actor, titleId, version);
  if (!view) return notFound("Title");
  if (version !== undefined && !view.policy) return notFound("Policy version");
  return ok(presentEditPolicy(view));
}

// ---- Small reads the edit-rights pages need: names to show next to records the actor can
// already read, each scoped in its WHERE clause like the reads above.

/** Who saved a policy version: only for the studio that owns the title (partners see the version and date). */
export async function policyAuthorName(actor: Actor, policyId: string): Promise<string | null> {
  const row = await db.editPolicy.findFirst({ where: { id: policyId, title: { studioId: actor.org.id } }, select: { createdById: true } });
  if (!row?.createdById) return null;
  // The author is (or was) a member of the studio; a removed member's name still reads as history.
  const user = await db.user.findUnique({ where: { id: row.createdById }, select: { name: true } });
  return user?.name ?? null;
}

/** The name of the studio owning a title the actor can read. */
export async function titleStudioName(actor: Actor, titleId: string): Promise<string | null> {
  const row = await db.title.findFirst({
    where: { AND: [{ id: titleId }, readableTitles(actor)] },
    select: { studio: { select: { name: true } } },
  });
  return row?.studio.name ?? null;
}

/** A title's policy version in force and its number of rules, for the section on the title page. */
export async function policySummary(actor: Actor, titleId: string): Promise<{ version: number; rules: number } | null> {
  const row = await db.editPolicy.findFirst({
    where: { titleId, title: readableTitles(actor) },
    orderBy: { version: "desc" },
    select: { version: true, _count: { select: { elements: true } } },
  });
  return row ? { version: row.version, rules: row._count.elements } : null;
}

/** The organisation names of the users and organisations a request's timeline mentions. */
export async function organizationNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}
