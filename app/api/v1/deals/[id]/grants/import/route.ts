import type { NextRequest } from "next/server";
import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { readUploadedFile, uploadRefusal as refusal } from "@/lib/api/upload";
import { importEmaGrants } from "@/lib/avails/commands";
import { MAX_EMA_BYTES } from "@/lib/avails/ema";
import { emaImportQuerySchema } from "@/lib/avails/schema";
import { getDealView } from "@/lib/deals/queries";
import { XLSX_MIME } from "@/lib/files/sniff";
import { SHEET_UPLOAD_TYPES } from "@/lib/files/table-file";
import { ok } from "@/lib/result";

async function readUpload(req: NextRequest) {
  const upload = await readUploadedFile(req, {
    maxBytes: MAX_EMA_BYTES,
    rawTypes: SHEET_UPLOAD_TYPES,
    noFileMessage: `Attach the EMA Avails sheet (XLSX or CSV) as the multipart/form-data field “file”, or send it as the body (text/csv or ${XLSX_MIME}).`,
    unsupportedMessage: `Send multipart/form-data with a field “file”, or a text/csv or ${XLSX_MIME} body.`,
  });
  return upload.ok ? ok(upload.value.bytes) : upload;
}

export const POST = route(
  { permission: "deals.write", params: idParams, query: emaImportQuerySchema },
  async ({ actor, req, params, query, requestId }) => {
    const upload = await readUpload(req);
    if (!upload.ok) return refusal(upload, requestId);
    const result = await importEmaGrants(actor, params.id, upload.value, query);
    if (!result.ok) return refusal(result, requestId);
    return json(
      {
        imported: {
          rows: result.value.rows,
          grants: result.value.grantIds.length,
          grantIds: result.value.grantIds,
          notes: result.value.notes,
        },
        deal: await getDealView(actor, params.id),
      },
      201,
    );
  },
);
