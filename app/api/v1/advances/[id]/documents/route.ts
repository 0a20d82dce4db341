import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { readUploadedFile, uploadRefusal } from "@/lib/api/upload";
import { ADVANCE_DOCUMENT_MAX_BYTES, addAdvanceDocument } from "@/lib/facility/commands/documents";
import { getAdvance } from "@/lib/facility/queries";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const advance = await getAdvance(actor, params.id);
  return advance ? json({ items: advance.documents }) : notFound("Advance");
});

export const POST = route({ params: idParams }, async ({ actor, params, req, requestId }) => {
  const upload = await readUploadedFile(req, {
    maxBytes: ADVANCE_DOCUMENT_MAX_BYTES,
    noFileMessage: "Attach the document in the multipart field “file”.",
    unsupportedMessage: "Send multipart/form-data with the document (PDF, PNG, JPEG, XLSX or DOCX) in the field “file”.",
  });
  if (!upload.ok) return uploadRefusal(upload, requestId);
  const result = await addAdvanceDocument(actor, params.id, upload.value);
  if (!result.ok) return uploadRefusal(result, requestId);
  const advance = await getAdvance(actor, params.id);
  const doc = advance?.documents.find((d) => d.id === result.value.id);
  return doc ? json(doc, 201) : notFound("Advance");
});
