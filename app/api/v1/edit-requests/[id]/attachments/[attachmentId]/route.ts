import { route } from "@/lib/api/handler";
import { getEditAttachment } from "@/lib/edits/queries";
import { attachmentParams } from "@/lib/edits/schema";
import { notFound } from "@/lib/result";

export const GET = route({ params: attachmentParams }, async ({ actor, params }) => {
  const file = await getEditAttachment(actor, params.id, params.attachmentId);
  if (!file) return notFound("Attachment");
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"]/g, "_");
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.sizeBytes),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
      "cache-control": "private, no-cache",
      etag: `"${file.sha256}"`,
    },
  });
});
