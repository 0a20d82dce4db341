import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { checkTerritories } from "@/lib/catalogue/reference-checks";
import { inTx, type Tx } from "@/lib/db/tx";
import { type FieldError, fail, forbidden, ok, type Result } from "@/lib/result";
import type { CreateEditRequestData, UpdateEditRequestData } from "../schema";
import { allowed, auditItems, clip, EDITABLE, invalid, itemRows, lockRequest, missing, partiesOf, stale, titleName } from "./request";

/** Drafting: the partner creates and edits a request (DRAFT or CHANGES_REQUESTED). */

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
