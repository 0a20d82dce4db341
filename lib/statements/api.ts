import "server-only";
import { NextRequest } from "next/server";
import { json } from "@/lib/api/handler";
import { readUploadedFile } from "@/lib/api/upload";
import type { Actor } from "@/lib/auth/actor";
import { XLSX_MIME } from "@/lib/files/sniff";
import { SHEET_UPLOAD_TYPES } from "@/lib/files/table-file";
import { fail, notFound, ok, type Result } from "@/lib/result";
import { getStatement } from "./queries";

/** Answers with the statement as the actor now sees it (after a command); lines are left to GET. */
export async function statementResponse(actor: Actor, id: string, status = 200) {
  const statement = await getStatement(actor, id, { linesFrom: 0, linesLimit: 0 });
  return statement ? json(statement, status) : notFound("Statement");
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
