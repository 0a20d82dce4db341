import type { EditCategory } from "@/lib/catalogue/schema";
import type { EditAttachmentMeta, EditComment, EditPolicyView, EditRequestDetail, EditRequestListRow } from "./queries";
import { evaluateItem, type PolicyElement } from "./rules";

const titleOf = (t: { id: string; originalTitle: string; titleEn: string | null; titleZh: string | null }) => ({
  id: t.id,
  originalTitle: t.originalTitle,
  titles: { en: t.titleEn, zh: t.titleZh },
});

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;
const pct = (d: { toString(): string } | null) => (d === null ? null : d.toString());

/**
 * API shape of an edit request. Items carry `status` (PENDING, APPROVED, REJECTED), `reason` and
 * `automatic`; `code` says which policy rule applied (for the UI to word it in the reader's
 * language) for items the policy decided or left waiting. `version` is the optimistic lock;
 * `versionId` the INTERNATIONAL version the request produced.
 */
export function presentEditRequest(r: EditRequestDetail, viewerOrgId: string) {
  const elements = new Map<string, PolicyElement>(
    (r.policy?.elements ?? []).map((e) => [e.category, { category: e.category, rule: e.rule, maxPct: pct(e.maxPct), note: e.note }]),
  );
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    version: r.lockVersion,
    role: r.partnerId === viewerOrgId ? ("PARTNER" as const) : ("STUDIO" as const),
    titleId: r.titleId,
    title: titleOf(r.title),
    baseVersionId: r.baseVersionId,
    baseVersion: r.baseVersion,
    dealId: r.dealId,
    deal: r.deal,
    partner: r.partner,
    studio: r.studio,
    territories: r.territories,
    items: r.items.map((i) => {
      const magnitudePct = pct(i.magnitudePct);
      const code =
        r.policyId && (i.automatic || i.status === "PENDING")
          ? evaluateItem({ category: i.category as EditCategory, magnitudePct }, elements.get(i.category)).code
          : null;
      return {
        id: i.id,
        position: i.position,
        category: i.category,
        description: i.description,
        rationale: i.rationale,
        magnitudePct,
        status: i.status,
        reason: i.reason,
        automatic: i.automatic,
        code,
        decidedAt: isoOrNull(i.decidedAt),
      };
    }),
    versionId: r.resultVersionId,
    resultVersion: r.resultVersion,
    policyId: r.policyId,
    policyVersion: r.policy?.version ?? null,
    changesRequestedNote: r.changesRequestedNote,
    commentCount: r._count.comments,
    attachmentCount: r._count.attachments,
    submittedAt: isoOrNull(r.submittedAt),
    decidedAt: isoOrNull(r.decidedAt),
    withdrawnAt: isoOrNull(r.withdrawnAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type EditRequestView = ReturnType<typeof presentEditRequest>;

/** A line of the request list: the request without item texts, with item counts per status. */
export function presentEditRequestSummary(r: EditRequestListRow, viewerOrgId: string) {
  const count = (s: string) => r.items.filter((i) => i.status === s).length;
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    version: r.lockVersion,
    role: r.partnerId === viewerOrgId ? ("PARTNER" as const) : ("STUDIO" as const),
    titleId: r.titleId,
    title: titleOf(r.title),
    baseVersionId: r.baseVersionId,
    dealId: r.dealId,
    deal: r.deal,
    partner: r.partner,
    studio: r.studio,
    territories: r.territories,
    itemCounts: { total: r.items.length, pending: count("PENDING"), approved: count("APPROVED"), rejected: count("REJECTED") },
    versionId: r.resultVersionId,
    commentCount: r._count.comments,
    submittedAt: isoOrNull(r.submittedAt),
    decidedAt: isoOrNull(r.decidedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type EditRequestSummaryView = ReturnType<typeof presentEditRequestSummary>;

/** API shape of a title's edit policy (version 0 and no elements when none is set). */
export function presentEditPolicy(view: EditPolicyView) {
  return {
    titleId: view.title.id,
    policyId: view.policy?.id ?? null,
    version: view.policy?.version ?? 0,
    elements: view.policy?.elements ?? [],
    createdAt: view.policy?.createdAt.toISOString() ?? null,
    editable: view.own,
  };
}

/** API shape of a comment. */
export function presentComment(c: EditComment) {
  return { id: c.id, body: c.body, organization: c.org, author: c.author, createdAt: c.createdAt.toISOString() };
}

/** API shape of an attachment (without its bytes; `href` downloads it). */
export function presentAttachment(a: EditAttachmentMeta) {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    organizationId: a.orgId,
    uploadedById: a.uploadedById,
    createdAt: a.createdAt.toISOString(),
    href: `/api/v1/edit-requests/${a.requestId}/attachments/${a.id}`,
  };
}
