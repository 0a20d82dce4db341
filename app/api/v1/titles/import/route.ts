import type { NextRequest } from "next/server";
import { json, route } from "@/lib/api/handler";
import { readUploadedFile, uploadRefusal as refusal } from "@/lib/api/upload";
import { importTitles } from "@/lib/catalogue/import";
import { MAX_IMPORT_BYTES, titleImportQuerySchema } from "@/lib/catalogue/import-template";
import { XLSX_MIME } from "@/lib/files/sniff";

const RAW_TYPES: Record<string, string> = { "text/csv": "upload.csv", "application/csv": "upload.csv", [XLSX_MIME]: "upload.xlsx" };

const readUpload = (req: NextRequest) =>
  readUploadedFile(req, {
    maxBytes: MAX_IMPORT_BYTES,
    rawTypes: RAW_TYPES,
    noFileMessage: `Attach a CSV or XLSX file as the multipart/form-data field “file”, or send it as the body with content type text/csv or ${XLSX_MIME}.`,
    unsupportedMessage: `Send multipart/form-data with a field “file”, or a text/csv or ${XLSX_MIME} body.`,
  });

export const POST = route({ permission: "catalogue.write", query: titleImportQuerySchema }, async ({ actor, req, query, requestId }) => {
  const upload = await readUpload(req);
  if (!upload.ok) return refusal(upload, requestId);
  const { bytes, fileName, contentType } = upload.value;
  if (query.dryRun) {
    const report = await importTitles(actor, bytes, fileName, { dryRun: true, contentType });
    return report.ok ? json(report.value) : refusal(report, requestId);
  }
  const result = await importTitles(actor, bytes, fileName, { dryRun: false, contentType });
  return result.ok ? json(result.value, 201) : refusal(result, requestId);
});
