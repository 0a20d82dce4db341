import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { readUploadedFile, uploadRefusal } from "@/lib/api/upload";
import { addEditAttachment } from "@/lib/edits/commands/conversation";
import { presentAttachment } from "@/lib/edits/present";
import { listEditAttachments } from "@/lib/edits/queries";
import { MAX_ATTACHMENT_BYTES } from "@/lib/edits/schema";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const items = await listEditAttachments(actor, params.id);
  return items ? json({ items: items.map(presentAttachment), nextCursor: null }) : notFound("Edit request");
});

export const POST = route({ params: idParams, permission: "edits.comment" }, async ({ actor, params, req, requestId }) => {
  const upload = await readUploadedFile(req, {
    maxBytes: MAX_ATTACHMENT_BYTES,
    noFileMessage: "Attach the file as multipart/form-data in the field “file”.",
    unsupportedMessage: "Send multipart/form-data with the file in the field “file”.",
  });
  if (!upload.ok) return uploadRefusal(upload, requestId);
  const result = await addEditAttachment(actor, params.id, upload.value);
  if (!result.ok) return uploadRefusal(result, requestId);
  const items = await listEditAttachments(actor, params.id);
  const attachment = items?.find((a) => a.id === result.value.id);
  return attachment ? json(presentAttachment(attachment), 201) : notFound("Edit request");
});
