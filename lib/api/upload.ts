import "server-only";
import { NextRequest } from "next/server";
import { XLSX_MIME } from "@/lib/files/sniff";
import { SHEET_UPLOAD_TYPES } from "@/lib/files/table-file";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import { failureToProblem, problemResponse } from "./problem";

/** Room for the multipart envelope around a file of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

export type Upload = { bytes: Uint8Array; fileName: string; contentType: string };

export type UploadSpec = {
  maxBytes: number;
  /** Raw body content types accepted besides multipart, with the file name to give the upload. */
  rawTypes?: Record<string, string>;
  /** Says, for a missing file, what to attach and how. */
  noFileMessage: string;
  /** Says, for an unsupported content type, what to send. */
  unsupportedMessage: string;
};

export function fileTooLarge(maxBytes: number) {
  const message = `The file is larger than ${maxBytes / 1024 / 1024} MB.`;
  return fail("invalid", "FILE_TOO_LARGE", message, { errors: [{ path: "file", message }] });
}

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

/**
 * The uploaded file of a request: the multipart/form-data field `file`, or (where `rawTypes`
 * allows) the whole body. Never reads more than the limit into memory.
 */
export async function readUploadedFile(req: NextRequest, spec: UploadSpec): Promise<Result<Upload>> {
  const noFile = () => fail("invalid", "NO_FILE", spec.noFileMessage, { errors: [{ path: "file", message: spec.noFileMessage }] });
  const contentType = req.headers.get("content-type") ?? "";
  const mime = contentType.split(";")[0]!.trim().toLowerCase();
  if (mime === "multipart/form-data") {
    const body = await readBody(req, spec.maxBytes + MULTIPART_OVERHEAD);
    if (!body) return fileTooLarge(spec.maxBytes);
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return noFile();
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return noFile();
    if (file.size > spec.maxBytes) return fileTooLarge(spec.maxBytes);
    return ok({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || "upload", contentType: file.type });
  }
  const rawName = spec.rawTypes?.[mime];
  if (rawName) {
    const body = await readBody(req, spec.maxBytes);
    if (!body) return fileTooLarge(spec.maxBytes);
    if (body.byteLength === 0) return noFile();
    return ok({ bytes: body, fileName: rawName, contentType: mime });
  }
  if (mime === "" && spec.rawTypes) return noFile();
  return fail("invalid", "UNSUPPORTED_MEDIA_TYPE", spec.unsupportedMessage);
}

/** File-size and file-type refusals have HTTP statuses of their own; everything else keeps its kind. */
const STATUS_OF_REASON: Record<string, { status: number; title: string }> = {
  FILE_TOO_LARGE: { status: 413, title: "Content too large" },
  UNSUPPORTED_FILE_TYPE: { status: 415, title: "Unsupported media type" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported media type" },
};

export function uploadRefusal(failure: Failure, requestId: string): Response | Failure {
  const special = STATUS_OF_REASON[failure.reason];
  return special ? problemResponse({ ...failureToProblem(failure, requestId), ...special }) : failure;
}

/**
 * The uploaded sheet of an import request and its text fields: multipart/form-data (field `file`
 * plus the other fields), or a raw CSV/XLSX body with the fields in the query string.
 */
export async function readSheetUpload(
  req: NextRequest,
  maxBytes: number,
): Promise<Result<{ bytes: Uint8Array; fileName: string; contentType: string; fields: Record<string, string> }>> {
  const isMultipart = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  const upload = await readUploadedFile(isMultipart ? new NextRequest(req.clone()) : req, {
    maxBytes,
    rawTypes: SHEET_UPLOAD_TYPES,
    noFileMessage: `Attach the statement (CSV or XLSX) as the multipart/form-data field “file”, or send it as the body (text/csv or ${XLSX_MIME}).`,
    unsupportedMessage: `Send multipart/form-data with a field “file”, or a text/csv or ${XLSX_MIME} body.`,
  });
  if (!upload.ok) return upload;
  const fields: Record<string, string> = Object.fromEntries(req.nextUrl.searchParams.entries());
  if (isMultipart) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      return fail("invalid", "NO_FILE", "The form data could not be read.");
    }
    for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
  }
  return ok({ ...upload.value, fields });
}
