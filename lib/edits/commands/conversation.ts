import "server-only";
import { createHash } from "node:crypto";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { inTx } from "@/lib/db/tx";
import { fail, forbidden, ok, type Result } from "@/lib/result";
import { cleanFileName, sniffAttachmentType } from "../attachments";
import { visibleRequests } from "../queries";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../schema";
import { allowed, clip, invalid, missing, notify, partiesOf, requestIncludeForChange } from "./request";

/** Comments and attachments either party adds to a request it can see. */

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
