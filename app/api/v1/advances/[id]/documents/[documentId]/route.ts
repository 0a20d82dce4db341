import { route } from "@/lib/api/handler";
import { getAdvanceDocument } from "@/lib/facility/queries";
import { documentParams } from "@/lib/facility/schema";
import { notFound } from "@/lib/result";

export const GET = route({ params: documentParams }, async ({ actor, params }) => {
  const doc = await getAdvanceDocument(actor, params.id, params.documentId);
  if (!doc) return notFound("Document");
  return new Response(new Uint8Array(doc.data), {
    headers: {
      "content-type": doc.contentType,
      "content-length": String(doc.data.byteLength),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
      "cache-control": "private, no-store",
    },
  });
});
