import "server-only";
import { createHash } from "node:crypto";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { inTx } from "@/lib/db/tx";
import { DOCX_MIME, officeTypeOf, sniffType, XLSX_MIME, ZIP_MIME } from "@/lib/files/sniff";
import { fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { visibleTo } from "../queries";
import { allowed, lockAdvance, parties, wrongStatus } from "./advance";

/** Supporting documents of an application (PDF, PNG, JPEG, XLSX, DOCX; at most 10 MB), typed by their bytes. */

export const ADVANCE_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ADVANCE_DOCUMENT_TYPES: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  [XLSX_MIME]: "xlsx",
  [DOCX_MIME]: "docx",
};

/** The file's real type from its first bytes (a declared type is not trusted), or null. */
export function sniffDocumentType(bytes: Uint8Array, declared: string, fileName: string): string | null {
  const type = sniffType(bytes);
  if (type === "application/pdf" || type === "image/png" || type === "image/jpeg") return type;
  return type === ZIP_MIME ? officeTypeOf(fileName, declared) : null;
}

/** The applying studio attaches a supporting document (PDF, PNG, JPEG, XLSX, DOCX; ≤ 10 MB). */
export async function addAdvanceDocument(
  actor: Actor,
  id: string,
  file: { bytes: Uint8Array; fileName: string; contentType: string },
): Promise<Result<{ id: string }>> {
  const visible = await db.advance.findFirst({ where: { AND: [{ id }, visibleTo(actor)] }, select: { id: true } });
  if (!visible) return notFound("Advance");
  if (file.bytes.byteLength > ADVANCE_DOCUMENT_MAX_BYTES) {
    return fail("invalid", "FILE_TOO_LARGE", "The file is larger than 10 MB.", {
      errors: [{ path: "file", message: "The file is larger than 10 MB." }],
    });
  }
  const type = sniffDocumentType(file.bytes, file.contentType, file.fileName);
  if (!type) {
    const message = "Attach a PDF, PNG, JPEG, XLSX or DOCX file.";
    return fail("invalid", "UNSUPPORTED_FILE_TYPE", message, { errors: [{ path: "file", message }] });
  }
  const fileName =
    [...file.fileName]
      .map((ch) => (ch.charCodeAt(0) < 32 || ch === "/" || ch === "\\" ? "_" : ch))
      .join("")
      .slice(0, 255) || `document.${ADVANCE_DOCUMENT_TYPES[type]}`;
  return inTx(async (tx) => {
    const locked = await lockAdvance(tx, actor, id);
    if (!locked.ok) return locked;
    const a = locked.value;
    if (a.studioId !== actor.org.id || !allowed(actor, "advances.apply")) return forbidden("Only the applying studio attaches documents.");
    if (!["DRAFT", "SUBMITTED", "UNDER_REVIEW"].includes(a.status)) return wrongStatus(a.status, "given new documents");
    const doc = await tx.advanceDocument.create({
      data: {
        advanceId: a.id,
        uploadedById: actor.userId,
        fileName,
        contentType: type,
        sizeBytes: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        data: Buffer.from(file.bytes),
      },
    });
    await recordAudit(tx, who(actor), {
      action: "advance.document.add",
      entityType: "Advance",
      entityId: a.id,
      partyOrgIds: parties(a),
      after: { documentId: doc.id, fileName, contentType: type, sizeBytes: file.bytes.byteLength },
    });
    return ok({ id: doc.id });
  });
}
