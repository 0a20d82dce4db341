import "server-only";
import { json } from "@/lib/api/handler";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/result";
import { presentEditRequest } from "./present";
import { type EditAttachmentMeta, type EditComment, getEditPolicy, getEditRequest } from "./queries";

/** Answers with the edit request as the actor now sees it (after a command). */
export async function editRequestResponse(actor: Actor, id: string, status = 200) {
  const request = await getEditRequest(actor, id);
  return request ? json(presentEditRequest(request, actor.org.id), status) : notFound("Edit request");
}

/** Answers with the title's edit policy in force (or the given version; 404 when it does not exist): `{titleId, version, elements, …}` (version 0 and no elements when none is set). */
export async function editPolicyResponse(actor: Actor, titleId: string, status = 200, version?: number) {
  const view = await getEditPolicy(actor, titleId, version);
  if (!view) return notFound("Title");
  if (version !== undefined && !view.policy) return notFound("Policy version");
  return json(
    {
      titleId: view.title.id,
      policyId: view.policy?.id ?? null,
      version: view.policy?.version ?? 0,
      elements: view.policy?.elements ?? [],
      createdAt: view.policy?.createdAt.toISOString() ?? null,
      editable: view.own,
    },
    status,
  );
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
