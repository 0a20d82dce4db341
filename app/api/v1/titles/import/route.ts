import type { NextRequest } from "next/server";
import { json, route } from "@/lib/api/handler";
import { failureToProblem, problemResponse } from "@/lib/api/problem";
import { importTitles } from "@/lib/catalogue/import";
import { MAX_IMPORT_BYTES, titleImportQuerySchema, XLSX_MIME } from "@/lib/catalogue/import-template";
import { type Failure, fail, ok, type Result } from "@/lib/result";

/** Room for the multipart envelope around a file of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;
const RAW_TYPES: Record<string, string> = { "text/csv": "upload.csv", "application/csv": "upload.csv", [XLSX_MIME]: "upload.xlsx" };

type Upload = { bytes: Uint8Array; fileName: string; contentType: string };

const tooLarge = () => {
  const message = `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`;
  return fail("invalid", "FILE_TOO_LARGE", message, { errors: [{ path: "file", message }] });
};
const noFile = () => {
  const message = `Attach a CSV or XLSX file as the multipart/form-data field “file”, or send it as the body with content type text/csv or ${XLSX_MIME}.`;
  return fail("invalid", "NO_FILE", message, { errors: [{ path: "file", message }] });
};

/** The request body, refused once it passes `limit` bytes, whatever Content-Length claims. */
async function readBody(req: NextRequest, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (Number(req.headers.get("content-length") ?? 0) > limit) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

async function readUpload(req: NextRequest): Promise<Result<Upload>> {
  const contentType = req.headers.get("content-type") ?? "";
  const mime = contentType.split(";")[0]!.trim().toLowerCase();
  if (mime === "multipart/form-data") {
    const body = await readBody(req, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD);
    if (!body) return tooLarge();
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return noFile();
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return noFile();
    if (file.size > MAX_IMPORT_BYTES) return tooLarge();
    return ok({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || "upload", contentType: file.type });
  }
  const rawName = RAW_TYPES[mime];
  if (rawName) {
    const body = await readBody(req, MAX_IMPORT_BYTES);
    if (!body) return tooLarge();
    if (body.byteLength === 0) return noFile();
    return ok({ bytes: body, fileName: rawName, contentType: mime });
  }
  if (mime === "") return noFile();
  return fail("invalid", "UNSUPPORTED_MEDIA_TYPE", `Send multipart/form-data with a field “file”, or a text/csv or ${XLSX_MIME} body.`);
}

/** File-size and file-type refusals have HTTP statuses of their own; everything else is 422. */
const STATUS_OF_REASON: Record<string, { status: number; title: string }> = {
  FILE_TOO_LARGE: { status: 413, title: "Content too large" },
  UNSUPPORTED_FILE_TYPE: { status: 415, title: "Unsupported media type" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported media type" },
};

function refusal(failure: Failure, requestId: string): Response | Failure {
  const special = STATUS_OF_REASON[failure.reason];
  return special ? problemResponse({ ...failureToProblem(failure, requestId), ...special }) : failure;
}

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
