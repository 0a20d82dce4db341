import type { NextRequest } from "next/server";
import { json, route } from "@/lib/api/handler";
import { failureToProblem, problemResponse } from "@/lib/api/problem";
import { idParams } from "@/lib/api/schemas";
import { MAX_EMA_BYTES, XLSX_MIME } from "@/lib/avails/ema";
import { importEmaGrants } from "@/lib/avails/ema-import";
import { emaImportQuerySchema } from "@/lib/avails/schema";
import { presentDeal } from "@/lib/deals/present";
import { getDeal } from "@/lib/deals/queries";
import { type Failure, fail, ok, type Result } from "@/lib/result";

const RAW_TYPES = new Set(["text/csv", "application/csv", "text/plain", "application/octet-stream", XLSX_MIME]);
const MULTIPART_OVERHEAD = 64 * 1024;

const tooLarge = () => fail("invalid", "FILE_TOO_LARGE", `The file is larger than ${MAX_EMA_BYTES / 1024 / 1024} MB.`);
const noFile = () => {
  const message = `Attach the EMA Avails sheet (XLSX or CSV) as the multipart/form-data field “file”, or send it as the body (text/csv or ${XLSX_MIME}).`;
  return fail("invalid", "NO_FILE", message, { errors: [{ path: "file", message }] });
};

/** The body, refused once it passes `limit` bytes whatever Content-Length claims. */
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

async function readUpload(req: NextRequest): Promise<Result<Uint8Array>> {
  const contentType = req.headers.get("content-type") ?? "";
  const mime = contentType.split(";")[0]!.trim().toLowerCase();
  if (mime === "multipart/form-data") {
    const body = await readBody(req, MAX_EMA_BYTES + MULTIPART_OVERHEAD);
    if (!body) return tooLarge();
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return noFile();
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return noFile();
    if (file.size > MAX_EMA_BYTES) return tooLarge();
    return ok(new Uint8Array(await file.arrayBuffer()));
  }
  if (RAW_TYPES.has(mime)) {
    const body = await readBody(req, MAX_EMA_BYTES);
    if (!body) return tooLarge();
    return body.byteLength === 0 ? noFile() : ok(body);
  }
  if (mime === "") return noFile();
  return fail("invalid", "UNSUPPORTED_MEDIA_TYPE", `Send multipart/form-data with a field “file”, or a text/csv or ${XLSX_MIME} body.`);
}

const SPECIAL: Record<string, { status: number; title: string }> = {
  FILE_TOO_LARGE: { status: 413, title: "Content too large" },
  UNSUPPORTED_FILE_TYPE: { status: 415, title: "Unsupported media type" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported media type" },
};

function refusal(failure: Failure, requestId: string): Response | Failure {
  const special = SPECIAL[failure.reason];
  return special ? problemResponse({ ...failureToProblem(failure, requestId), ...special }) : failure;
}

export const POST = route(
  { permission: "deals.write", params: idParams, query: emaImportQuerySchema },
  async ({ actor, req, params, query, requestId }) => {
    const upload = await readUpload(req);
    if (!upload.ok) return refusal(upload, requestId);
    const result = await importEmaGrants(actor, params.id, upload.value, query);
    if (!result.ok) return refusal(result, requestId);
    const deal = await getDeal(actor, params.id);
    return json(
      {
        imported: { rows: result.value.rows, grants: result.value.grantIds.length, grantIds: result.value.grantIds },
        deal: deal && presentDeal(deal, actor.org.id),
      },
      201,
    );
  },
);
