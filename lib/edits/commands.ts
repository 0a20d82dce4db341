import "server-only";
import { createHash } from "node:crypto";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { checkTerritories } from "@/lib/catalogue/reference-checks";
import type { EditCategory } from "@/lib/catalogue/schema";
import type { Prisma } from "@/lib/db/generated/client";
import { inTx, lockRow, type Tx } from "@/lib/db/tx";
import { expandScope } from "@/lib/deals/rules";
import { notifyOrganization } from "@/lib/notifications/commands";
import type { NotificationKind } from "@/lib/notifications/schema";
import { type FieldError, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { expandTerritories } from "@/lib/territories";
import { cleanFileName, sniffAttachmentType } from "./attachments";
import { visibleRequests } from "./queries";
import { applyDecisions, canDecide, canTransition, evaluateRequest, type PolicyElement, producesVersion, requestStatus } from "./rules";
import type { EditDecisionData, EditPolicy, EditRequestItemData, EditRequestStatus } from "./schema";
import { ATTACHMENT_TYPES, type CreateEditRequestData, MAX_ATTACHMENT_BYTES, type UpdateEditRequestData } from "./schema";

/** Decisions wait on the request's row lock; give them room under load. */

const invalid = (errors: FieldError[], message = "Some fields need attention.") =>
  fail("invalid", "VALIDATION_FAILED", message, { errors });
const stale = () =>
  fail("conflict", "STALE_UPDATE", "Someone changed this edit request since you loaded it. Reload it and apply your change again.");
const missing = () => notFound("Edit request");

const allowed = (actor: Actor, permission: Permission) => can({ role: actor.role, orgKind: actor.org.kind }, permission);

const href = (id: string) => `/edit-requests/${id}`;

/** Who reads a request's audit entries: the partner alone while it is a draft, both once submitted. */
const partiesOf = (r: { partnerId: string; studioId: string; submittedAt: Date | null }) =>
  r.submittedAt ? [r.partnerId, r.studioId] : [r.partnerId];

const titleName = (t: { originalTitle: string; titleEn: string | null }) => t.titleEn ?? t.originalTitle;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function itemRows(items: EditRequestItemData[]) {
  return items.map((item, position) => ({
    position,
    category: item.category,
    description: item.description,
    rationale: item.rationale,
    magnitudePct: item.magnitudePct ?? null,
  }));
}

const auditItems = (items: EditRequestItemData[]) =>
  items.map((i) => ({ category: i.category, description: i.description, rationale: i.rationale, magnitudePct: i.magnitudePct ?? null }));

// ---- policy -----------------------------------------------------------------------------------

/**
 * Sets a title's edit policy: writes a NEW policy version (previous + 1; the old ones stay, since
 * submitted requests were evaluated against them). Only the studio owning the title; others 404.
 */
export async function setEditPolicy(actor: Actor, titleId: string, data: EditPolicy): Promise<Result<{ id: string; version: number }>> {
  if (!allowed(actor, "edits.policy.write") && !allowed(actor, "catalogue.write")) {
    return forbidden("Only the studio that owns a title sets its edit policy.");
  }
  return inTx(async (tx) => {
    const title = await tx.title.findFirst({ where: { id: titleId, studioId: actor.org.id }, select: { id: true } });
    if (!title) return notFound("Title");
    // One writer at a time per title, so two saves cannot both claim the same version number.
    await lockRow(tx, "title", title.id);
    const previous = await tx.editPolicy.findFirst({
      where: { titleId: title.id },
      orderBy: { version: "desc" },
      include: { elements: true },
    });
    const version = (previous?.version ?? 0) + 1;
    const elements = data.elements.map((e) => ({ category: e.category, rule: e.rule, maxPct: e.maxPct ?? null, note: e.note ?? null }));
    const policy = await tx.editPolicy.create({
      data: { titleId: title.id, version, createdById: actor.userId, elements: { create: elements } },
    });
    await recordAudit(tx, who(actor), {
      action: "edit_policy.set",
      entityType: "Title",
      entityId: title.id,
      partyOrgIds: [actor.org.id],
      before: previous && {
        version: previous.version,
        elements: previous.elements.map((e) => ({
          category: e.category,
          rule: e.rule,
          maxPct: e.maxPct?.toString() ?? null,
          note: e.note,
        })),
      },
      after: { policyId: policy.id, version, elements },
    });
    return ok({ id: policy.id, version });
  });
}

// ---- drafting ---------------------------------------------------------------------------------

/** Checks the named deal exists with the partner as licensee and the title's studio as licensor. */
async function checkDealLink(tx: Tx, dealId: string, partnerId: string, studioId: string | null, errors: FieldError[]) {
  const deal = await tx.deal.findFirst({ where: { id: dealId, licenseeId: partnerId }, select: { id: true, licensorId: true } });
  if (!deal) errors.push({ path: "dealId", message: "Choose a deal your organisation is the licensee of." });
  else if (studioId && deal.licensorId !== studioId) {
    errors.push({ path: "dealId", message: "This deal is with another licensor; choose a deal with the studio that owns the title." });
  }
}

/**
 * A partner drafts an edit request for a title it can see (LISTED), a version of that title to
 * adapt, target territories, an optional deal of its own with the title's studio, and the changes.
 */
export async function createEditRequest(actor: Actor, data: CreateEditRequestData): Promise<Result<{ id: string }>> {
  if (!allowed(actor, "edits.request.write")) return forbidden("Only partners request edits, as members with write access.");
  const errors: FieldError[] = [];
  const territories = checkTerritories(data.territories, "territories", errors);
  return inTx(async (tx) => {
    const title = await tx.title.findFirst({
      where: { id: data.titleId, visibility: "LISTED", archivedAt: null },
      select: { id: true, studioId: true, originalTitle: true, titleEn: true },
    });
    if (!title) errors.push({ path: "titleId", message: "Choose a title from the catalogue." });
    else {
      const base = await tx.version.findFirst({ where: { id: data.baseVersionId, titleId: title.id }, select: { id: true } });
      if (!base) errors.push({ path: "baseVersionId", message: "Choose a version of this title to adapt." });
    }
    if (data.dealId) await checkDealLink(tx, data.dealId, actor.org.id, title?.studioId ?? null, errors);
    if (errors.length || !title) return invalid(errors);
    const name = data.name ?? clip(`${titleName(title)} · ${territories.join(", ")}`, 200);
    const created = await tx.editRequest.create({
      data: {
        titleId: title.id,
        baseVersionId: data.baseVersionId,
        partnerId: actor.org.id,
        studioId: title.studioId,
        dealId: data.dealId ?? null,
        name,
        territories,
        createdById: actor.userId,
        items: { create: itemRows(data.items) },
      },
    });
    await recordAudit(tx, who(actor), {
      action: "edit_request.create",
      entityType: "EditRequest",
      entityId: created.id,
      partyOrgIds: [actor.org.id],
      after: {
        name,
        titleId: title.id,
        baseVersionId: data.baseVersionId,
        territories,
        dealId: data.dealId ?? null,
        items: auditItems(data.items),
      },
    });
    return ok({ id: created.id });
  });
}

const requestIncludeForChange = {
  items: { orderBy: { position: "asc" } },
  title: { select: { id: true, originalTitle: true, titleEn: true, studioId: true, visibility: true, archivedAt: true } },
} satisfies Prisma.EditRequestInclude;
type LockedRequest = Prisma.EditRequestGetPayload<{ include: typeof requestIncludeForChange }>;

/**
 * Finds the request as `side` (scoped in the WHERE), then locks its row so changes, submissions
 * and decisions on one request run one at a time, and reads it again under the lock.
 */
async function lockRequest(tx: Tx, actor: Actor, id: string, side: "partner" | "studio" | "either"): Promise<LockedRequest | null> {
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

const EDITABLE: readonly EditRequestStatus[] = ["DRAFT", "CHANGES_REQUESTED"];

/**
 * The partner changes a DRAFT or CHANGES_REQUESTED request. `version` must be the one last read
 * (stale → 409). Given `items` replace all items.
 */
export async function updateEditRequest(actor: Actor, id: string, data: UpdateEditRequestData): Promise<Result<{ id: string }>> {
  if (!allowed(actor, "edits.request.write")) return forbidden("Only the requesting partner changes an edit request.");
  const errors: FieldError[] = [];
  const territories = data.territories ? checkTerritories(data.territories, "territories", errors) : undefined;
  return inTx(async (tx) => {
    const request = await lockRequest(tx, actor, id, "partner");
    if (!request) return missing();
    if (data.version !== request.lockVersion) return stale();
    if (!EDITABLE.includes(request.status)) {
      return fail(
        "conflict",
        "NOT_EDITABLE",
        `A ${request.status} request cannot change; only drafts and requests sent back for changes can.`,
      );
    }
    if (data.baseVersionId) {
      const base = await tx.version.findFirst({ where: { id: data.baseVersionId, titleId: request.titleId }, select: { id: true } });
      if (!base) errors.push({ path: "baseVersionId", message: "Choose a version of this title to adapt." });
    }
    if (data.dealId) await checkDealLink(tx, data.dealId, actor.org.id, request.studioId, errors);
    if (errors.length) return invalid(errors);
    await tx.editRequest.update({
      where: { id: request.id },
      data: {
        ...(data.name && { name: data.name }),
        ...(data.baseVersionId && { baseVersionId: data.baseVersionId }),
        ...(territories && { territories }),
        ...(data.dealId !== undefined && { dealId: data.dealId }),
        lockVersion: { increment: 1 },
      },
    });
    if (data.items) {
      await tx.editRequestItem.deleteMany({ where: { requestId: request.id } });
      await tx.editRequestItem.createMany({ data: itemRows(data.items).map((row) => ({ ...row, requestId: request.id })) });
    }
    await recordAudit(tx, who(actor), {
      action: "edit_request.update",
      entityType: "EditRequest",
      entityId: request.id,
      partyOrgIds: partiesOf(request),
      before: {
        version: request.lockVersion,
        name: request.name,
        baseVersionId: request.baseVersionId,
        territories: request.territories,
        dealId: request.dealId,
        ...(data.items && {
          items: request.items.map((i) => ({
            category: i.category,
            description: i.description,
            rationale: i.rationale,
            magnitudePct: i.magnitudePct?.toString() ?? null,
          })),
        }),
      },
      after: {
        ...(data.name && { name: data.name }),
        ...(data.baseVersionId && { baseVersionId: data.baseVersionId }),
        ...(territories && { territories }),
        ...(data.dealId !== undefined && { dealId: data.dealId }),
        ...(data.items && { items: auditItems(data.items) }),
      },
    });
    return ok({ id: request.id });
  });
}

// ---- submission -------------------------------------------------------------------------------

/**
 * Why a request naming a deal cannot be submitted, or null when the deal allows it: the deal must
 * be SIGNED, have the partner as licensee and the title's studio as licensor, and have grants on
 * the title that cover every requested country (groups expanded) and permit edits there.
 */
async function dealRefusal(tx: Tx, request: LockedRequest) {
  if (!request.dealId) return null;
  const refuse = (reason: string, message: string, details: Record<string, unknown> = {}) =>
    fail("invalid", reason, message, { errors: [{ path: "dealId", message }], details });
  const deal = await tx.deal.findFirst({
    where: { id: request.dealId, licenseeId: request.partnerId },
    include: { grants: { where: { titleId: request.titleId } } },
  });
  if (!deal) return refuse("DEAL_NOT_FOUND", "The deal named is not one your organisation is the licensee of.");
  if (deal.licensorId !== request.studioId) {
    return refuse("DEAL_OTHER_LICENSOR", "The deal named is with another licensor than the studio that owns the title.");
  }
  if (deal.status !== "SIGNED") {
    return refuse("DEAL_NOT_SIGNED", `The deal “${deal.name}” is ${deal.status}; only a SIGNED deal can carry edit rights.`, {
      dealStatus: deal.status,
    });
  }
  if (deal.grants.length === 0) return refuse("DEAL_TITLE_NOT_COVERED", `The deal “${deal.name}” does not license this title.`);
  const requested = expandTerritories(request.territories);
  const covered = new Set<string>();
  const permitted = new Set<string>();
  for (const grant of deal.grants) {
    const { countries } = expandScope({ territories: grant.territories, excludedTerritories: grant.excludedTerritories, mediaRights: [] });
    for (const c of countries) {
      covered.add(c);
      if (grant.editsPermitted) permitted.add(c);
    }
  }
  const outside = [...requested].filter((c) => !covered.has(c)).sort();
  if (outside.length) {
    return refuse(
      "DEAL_TERRITORIES_NOT_COVERED",
      `The deal “${deal.name}” does not cover ${list(outside)} for this title; narrow the territories or choose another deal.`,
      { uncoveredTerritories: outside },
    );
  }
  const locked = [...requested].filter((c) => !permitted.has(c)).sort();
  if (locked.length) {
    return refuse("DEAL_EDITS_NOT_PERMITTED", `The deal “${deal.name}” does not permit edits in ${list(locked)}.`, {
      territoriesWithoutEdits: locked,
    });
  }
  return null;
}

const list = (codes: string[]) => (codes.length > 12 ? `${codes.slice(0, 12).join(", ")} and ${codes.length - 12} more` : codes.join(", "));

/** The INTERNATIONAL version an approved (or partly approved) request produces, listing exactly the approved items. */
async function createResultVersion(
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

type Notice = { kind: NotificationKind; to: string; params?: Record<string, string | number | boolean | null> };

async function notify(tx: Tx, actor: Actor, request: LockedRequest, notice: Notice) {
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

export type SubmitOutcome = { id: string; status: EditRequestStatus; versionId: string | null };

/**
 * The partner submits a DRAFT (or resubmits a CHANGES_REQUESTED) request. Each item is evaluated
 * against the title's policy version in force now (stored on the request): PRE_APPROVED within its
 * limit → APPROVED, LOCKED → REJECTED with the policy note, the rest wait for the studio. When the
 * policy decided every item the request is final at once (and an approved outcome creates its
 * version); otherwise it is UNDER_REVIEW. A named deal must be SIGNED, cover the title and every
 * territory and permit edits there, or the submission is refused (422) with the reason.
 */
export async function submitEditRequest(actor: Actor, id: string, version?: number): Promise<Result<SubmitOutcome>> {
  if (!allowed(actor, "edits.request.write")) return forbidden("Only the requesting partner submits an edit request.");
  return inTx(async (tx) => {
    const request = await lockRequest(tx, actor, id, "partner");
    if (!request) return missing();
    if (version !== undefined && version !== request.lockVersion) return stale();
    if (!canTransition(request.status, "SUBMITTED")) {
      return fail("conflict", "NOT_SUBMITTABLE", `A ${request.status} request cannot be submitted.`, {
        details: { requestStatus: request.status },
      });
    }
    if (request.items.length === 0) return invalid([{ path: "items", message: "Add at least one change." }], "Add at least one change.");
    if (request.title.visibility !== "LISTED" || request.title.archivedAt) {
      return fail("invalid", "TITLE_NOT_OFFERED", "The studio no longer offers this title in the catalogue; it cannot take edit requests.");
    }
    const refusal = await dealRefusal(tx, request);
    if (refusal) return refusal;

    const policy = await tx.editPolicy.findFirst({
      where: { titleId: request.titleId },
      orderBy: { version: "desc" },
      include: { elements: true },
    });
    const elements: PolicyElement[] = (policy?.elements ?? []).map((e) => ({
      category: e.category,
      rule: e.rule,
      maxPct: e.maxPct?.toString() ?? null,
      note: e.note,
    }));
    const evaluated = evaluateRequest(
      request.items.map((i) => ({ ...i, magnitudePct: i.magnitudePct?.toString() ?? null })),
      { elements },
    );
    const now = new Date();
    for (const item of evaluated) {
      const e = item.evaluation;
      await tx.editRequestItem.update({
        where: { id: item.id },
        data: { status: e.status, reason: e.reason, automatic: e.automatic, decidedAt: e.automatic ? now : null, decidedById: null },
      });
    }
    const status = requestStatus(
      evaluated.map((i) => ({ status: i.evaluation.status })),
      false,
    );
    const final = status !== "UNDER_REVIEW";
    const approved = evaluated.filter((i) => i.evaluation.status === "APPROVED");
    const versionId = final && producesVersion(status) ? await createResultVersion(tx, actor, request, approved) : null;
    await tx.editRequest.update({
      where: { id: request.id },
      data: {
        status,
        policyId: policy?.id ?? null,
        submittedAt: now,
        decidedAt: final ? now : null,
        changesRequestedNote: null,
        resultVersionId: versionId,
        lockVersion: { increment: 1 },
      },
    });
    const parties = [request.partnerId, request.studioId];
    await recordAudit(tx, who(actor), {
      action: request.status === "CHANGES_REQUESTED" ? "edit_request.resubmit" : "edit_request.submit",
      entityType: "EditRequest",
      entityId: request.id,
      partyOrgIds: parties,
      before: { status: request.status },
      after: {
        status,
        policyId: policy?.id ?? null,
        policyVersion: policy?.version ?? null,
        items: evaluated.map((i) => ({
          itemId: i.id,
          category: i.category,
          status: i.evaluation.status,
          automatic: i.evaluation.automatic,
          code: i.evaluation.code,
          reason: i.evaluation.reason,
        })),
        ...(versionId && { versionId }),
      },
    });
    const counts = {
      approved: approved.length,
      rejected: evaluated.filter((i) => i.evaluation.status === "REJECTED").length,
      pending: evaluated.filter((i) => i.evaluation.status === "PENDING").length,
    };
    if (final) {
      // The policy decided everything: both sides learn the outcome (the submitter excepted).
      for (const to of parties)
        await notify(tx, actor, request, { kind: "editRequest.decided", to, params: { status, automatic: true, ...counts } });
    } else {
      await notify(tx, actor, request, {
        kind: "editRequest.submitted",
        to: request.studioId,
        params: { status, partnerName: actor.org.name, resubmitted: request.status === "CHANGES_REQUESTED", ...counts },
      });
    }
    return ok({ id: request.id, status, versionId });
  });
}

/** The partner withdraws a request that is not decided yet (DRAFT, UNDER_REVIEW or CHANGES_REQUESTED). */
export async function withdrawEditRequest(actor: Actor, id: string, version?: number): Promise<Result<{ id: string }>> {
  if (!allowed(actor, "edits.request.write")) return forbidden("Only the requesting partner withdraws an edit request.");
  return inTx(async (tx) => {
    const request = await lockRequest(tx, actor, id, "partner");
    if (!request) return missing();
    if (version !== undefined && version !== request.lockVersion) return stale();
    if (!canTransition(request.status, "WITHDRAWN")) {
      return fail("conflict", "NOT_WITHDRAWABLE", `A ${request.status} request is settled and cannot be withdrawn.`, {
        details: { requestStatus: request.status },
      });
    }
    await tx.editRequest.update({
      where: { id: request.id },
      data: { status: "WITHDRAWN", withdrawnAt: new Date(), lockVersion: { increment: 1 } },
    });
    await recordAudit(tx, who(actor), {
      action: "edit_request.withdraw",
      entityType: "EditRequest",
      entityId: request.id,
      partyOrgIds: partiesOf(request),
      before: { status: request.status },
      after: { status: "WITHDRAWN" },
    });
    if (request.submittedAt) {
      await notify(tx, actor, request, { kind: "editRequest.withdrawn", to: request.studioId, params: { partnerName: actor.org.name } });
    }
    return ok({ id: request.id });
  });
}

// ---- decisions --------------------------------------------------------------------------------

export type DecisionOutcome = { id: string; status: EditRequestStatus; versionId: string | null };

/**
 * The studio decides waiting items (APPROVED / REJECTED with a note) or sends the request back
 * for changes. Only a request UNDER_REVIEW takes decisions (else 409). The request row is locked
 * for the whole transaction, so concurrent decisions apply one after another: the second sees the
 * first's result (a decided request answers 409; an item already decided answers 409 naming it),
 * no decision is lost, and at most one version is created (result_version_id is also UNIQUE).
 */
export async function decideEditRequest(actor: Actor, id: string, data: EditDecisionData): Promise<Result<DecisionOutcome>> {
  if (!allowed(actor, "edits.decide")) return forbidden("Only the studio that owns the title decides edit requests.");
  return inTx(async (tx) => {
    const request = await lockRequest(tx, actor, id, "studio");
    if (!request) return missing();
    if (!canDecide(request.status)) {
      return fail("conflict", "NOT_UNDER_REVIEW", `This request is ${request.status}; only a request under review takes decisions.`, {
        details: { requestStatus: request.status },
      });
    }
    const parties = [request.partnerId, request.studioId];
    const now = new Date();

    if ("requestChanges" in data) {
      await tx.editRequest.update({
        where: { id: request.id },
        data: { status: "CHANGES_REQUESTED", changesRequestedNote: data.requestChanges, lockVersion: { increment: 1 } },
      });
      await recordAudit(tx, who(actor), {
        action: "edit_request.request_changes",
        entityType: "EditRequest",
        entityId: request.id,
        partyOrgIds: parties,
        before: { status: request.status },
        after: { status: "CHANGES_REQUESTED", note: data.requestChanges },
      });
      await notify(tx, actor, request, {
        kind: "editRequest.changesRequested",
        to: request.partnerId,
        params: { studioName: actor.org.name, note: clip(data.requestChanges, 300) },
      });
      return ok({ id: request.id, status: "CHANGES_REQUESTED" as const, versionId: null });
    }

    const applied = applyDecisions(request.items, data.items);
    if (!applied.ok) {
      const errors = applied.errors.map((e) => ({ path: e.path, message: e.message }));
      const onlyDecidedAlready = applied.errors.every((e) => e.code === "NOT_PENDING");
      return onlyDecidedAlready
        ? fail("conflict", "ITEM_ALREADY_DECIDED", "Some items are already decided; reload the request.", { errors })
        : invalid(errors, "Some decisions name items this request does not have, or name one twice.");
    }
    const decidedIds = new Set(data.items.map((d) => d.itemId));
    for (const item of applied.items) {
      if (!decidedIds.has(item.id)) continue;
      await tx.editRequestItem.update({
        where: { id: item.id },
        data: { status: item.status, reason: item.reason, automatic: false, decidedAt: now, decidedById: actor.userId },
      });
    }
    const status = requestStatus(applied.items, false);
    const final = status !== "UNDER_REVIEW";
    const approved = applied.items.filter((i) => i.status === "APPROVED");
    const versionId = final && producesVersion(status) ? await createResultVersion(tx, actor, request, approved) : null;
    await tx.editRequest.update({
      where: { id: request.id },
      data: { status, ...(final && { decidedAt: now }), ...(versionId && { resultVersionId: versionId }), lockVersion: { increment: 1 } },
    });
    await recordAudit(tx, who(actor), {
      action: "edit_request.decide",
      entityType: "EditRequest",
      entityId: request.id,
      partyOrgIds: parties,
      before: { status: request.status },
      after: {
        status,
        decisions: data.items.map((d) => {
          const item = applied.items.find((i) => i.id === d.itemId)!;
          return { itemId: d.itemId, category: item.category, decision: d.decision, note: item.reason };
        }),
        ...(versionId && { versionId }),
      },
    });
    await notify(tx, actor, request, {
      kind: final ? "editRequest.decided" : "editRequest.itemsDecided",
      to: request.partnerId,
      params: {
        status,
        automatic: false,
        studioName: actor.org.name,
        decided: data.items.length,
        approved: approved.length,
        rejected: applied.items.filter((i) => i.status === "REJECTED").length,
        pending: applied.items.filter((i) => i.status === "PENDING").length,
      },
    });
    return ok({ id: request.id, status, versionId });
  });
}

// ---- comments and attachments -----------------------------------------------------------------

/** Either party comments on a request it can see; the other party is notified (once it can see the request). */
export async function addEditComment(actor: Actor, id: string, body: string): Promise<Result<{ id: string }>> {
  if (!allowed(actor, "edits.comment")) return forbidden("Your role does not allow commenting on edit requests.");
  const text = body.trim();
  if (text === "") return invalid([{ path: "body", message: "Write a comment." }]);
  if (text.length > 4000) return invalid([{ path: "body", message: "Use at most 4000 characters." }]);
  return inTx(async (tx) => {
    const request = await tx.editRequest.findFirst({
      where: { AND: [{ id }, visibleRequests(actor)] },
      include: requestIncludeForChange,
    });
    if (!request) return missing();
    const comment = await tx.editRequestComment.create({
      data: { requestId: request.id, orgId: actor.org.id, authorId: actor.userId, body: text },
    });
    await tx.editRequest.update({ where: { id: request.id }, data: { updatedAt: new Date() } });
    await recordAudit(tx, who(actor), {
      action: "edit_request.comment",
      entityType: "EditRequest",
      entityId: request.id,
      partyOrgIds: partiesOf(request),
      after: { commentId: comment.id, body: text },
    });
    const other = actor.org.id === request.partnerId ? request.studioId : request.partnerId;
    if (request.submittedAt) {
      await notify(tx, actor, request, {
        kind: "editRequest.commented",
        to: other,
        params: { authorOrgName: actor.org.name, excerpt: clip(text, 140) },
      });
    }
    return ok({ id: comment.id });
  });
}

export type AttachmentUpload = { bytes: Uint8Array; fileName: string; contentType?: string };

/**
 * Either party attaches a file (storyboard, script, notes) to a request it can see: at most 10 MB,
 * PDF, PNG, JPEG, WebP, plain text or .docx, checked from the content. 422 FILE_TOO_LARGE /
 * UNSUPPORTED_FILE_TYPE otherwise (the route answers 413 / 415 for them).
 */
export async function addEditAttachment(actor: Actor, id: string, upload: AttachmentUpload): Promise<Result<{ id: string }>> {
  if (!allowed(actor, "edits.comment")) return forbidden("Your role does not allow attaching files to edit requests.");
  if (upload.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    const message = `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`;
    return fail("invalid", "FILE_TOO_LARGE", message, { errors: [{ path: "file", message }] });
  }
  const fileName = cleanFileName(upload.fileName);
  const type = sniffAttachmentType(upload.bytes, fileName);
  if (!type) {
    const message = `Attach a ${Object.values(ATTACHMENT_TYPES).join(", ")} file.`;
    return fail("invalid", "UNSUPPORTED_FILE_TYPE", message, { errors: [{ path: "file", message }] });
  }
  return inTx(async (tx) => {
    const request = await tx.editRequest.findFirst({
      where: { AND: [{ id }, visibleRequests(actor)] },
      select: { id: true, partnerId: true, studioId: true, submittedAt: true },
    });
    if (!request) return missing();
    const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
    const attachment = await tx.editRequestAttachment.create({
      data: {
        requestId: request.id,
        orgId: actor.org.id,
        uploadedById: actor.userId,
        fileName,
        contentType: type,
        sizeBytes: upload.bytes.byteLength,
        sha256,
        data: Buffer.from(upload.bytes),
      },
      select: { id: true },
    });
    await tx.editRequest.update({ where: { id: request.id }, data: { updatedAt: new Date() } });
    await recordAudit(tx, who(actor), {
      action: "edit_request.attach",
      entityType: "EditRequest",
      entityId: request.id,
      partyOrgIds: partiesOf(request),
      after: { attachmentId: attachment.id, fileName, contentType: type, sizeBytes: upload.bytes.byteLength, sha256 },
    });
    return ok({ id: attachment.id });
  });
}
