/**
 * What a file is, from its first bytes: every upload is typed by its content, never by the name or
 * content type the client claims (those only tell apart the kinds of ZIP: .xlsx, .docx). One
 * signature table for every upload (posters, attachments, advance documents, spreadsheets).
 */

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A ZIP archive (.xlsx and .docx are ZIPs) and an OLE compound file (old .xls and .doc). */
export const ZIP_MIME = "application/zip";
export const OLE_MIME = "application/x-ole-storage";

export type SniffedType = "application/pdf" | "image/png" | "image/jpeg" | "image/webp" | typeof ZIP_MIME | typeof OLE_MIME;

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: { type: SniffedType; magic: readonly number[]; at?: number; also?: { magic: readonly number[]; at: number } }[] = [
  { type: "application/pdf", magic: ascii("%PDF-") },
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { type: "image/webp", magic: ascii("RIFF"), also: { magic: ascii("WEBP"), at: 8 } },
  { type: ZIP_MIME, magic: [0x50, 0x4b, 0x03, 0x04] },
  { type: OLE_MIME, magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** The type the bytes' signature says, or null for anything else (text among them). */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  for (const s of SIGNATURES) {
    if (startsWith(bytes, s.magic, s.at) && (!s.also || startsWith(bytes, s.also.magic, s.also.at))) return s.type;
  }
  return null;
}

/** A ZIP that is an Office document: .xlsx or .docx by its name or declared type, else null. */
export function officeTypeOf(fileName: string, declared = ""): typeof XLSX_MIME | typeof DOCX_MIME | null {
  const lower = fileName.toLowerCase();
  if (declared.includes("spreadsheetml") || lower.endsWith(".xlsx")) return XLSX_MIME;
  if (declared.includes("wordprocessingml") || lower.endsWith(".docx")) return DOCX_MIME;
  return null;
}

/** UTF-8 text without NUL characters (what a .txt upload must be). */
export function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
