import type { ErrorCode } from "@/lib/api/error-codes";
import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { inTx, type Tx } from "@/lib/db/tx";
import { expandScope } from "@/lib/deals/rules";
import { fail, forbidden, ok, type Result } from "@/lib/result";
import { expandTerritories } from "@/lib/territories";
import { canTransition, evaluateRequest, type PolicyElement, producesVersion, requestStatus } from "../rules";
import type { EditRequestStatus } from "../schema";
import { allowed, createResultVersion, invalid, type LockedRequest, lockRequest, missing, notify, partiesOf, stale } from "./request";

/** Submission: the policy in force evaluates every item (and may decide them all); withdrawal. */

/**
 * Why a request naming a deal cannot be submitted, or null when the deal allows it: the deal must
 * be SIGNED, have the partner as licensee and the title's studio as licensor, and have grants on
 * the title that cover every requested country (groups expanded) and permit edits there.
 */
async function dealRefusal(tx: Tx, request: LockedRequest) {
  if (!request.dealId) return null;
  const refuse = (reason: ErrorCode, message: string, details: Record<string, unknown> = {}) =>
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
