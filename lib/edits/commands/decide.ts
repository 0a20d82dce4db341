import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { inTx } from "@/lib/db/tx";
import { fail, forbidden, ok, type Result } from "@/lib/result";
import { applyDecisions, canDecide, producesVersion, requestStatus } from "../rules";
import type { EditDecisionData, EditRequestStatus } from "../schema";
import { allowed, clip, createResultVersion, invalid, lockRequest, missing, notify } from "./request";

/** Decisions: the studio decides waiting items or asks for changes, one decision at a time. */

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
