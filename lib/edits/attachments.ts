import { DOCX_MIME, isUtf8Text, sniffType, ZIP_MIME } from "@/lib/files/sniff";
import type { AttachmentType } from "./schema";

/** Edit-request attachments: what a file is, from its bytes (pure; unit-tested). */

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * The file's type from its content, never from what the client claims: PDF, PNG, JPEG, WebP,
 * .docx (a ZIP named .docx) or UTF-8 text without NUL. Null for anything else.
 */
export function sniffAttachmentType(bytes: Uint8Array, fileName: string): AttachmentType | null {
  const type = sniffType(bytes);
  if (type === "application/pdf" || type === "image/png" || type === "image/jpeg" || type === "image/webp") return type;
  if (type === ZIP_MIME) return /\.docx$/i.test(fileName) ? DOCX_MIME : null;
  if (/\.(txt|text|md)$/i.test(fileName) && isUtf8Text(bytes)) return "text/plain";
  return null;
}

/** The file name without any path, control characters or quotes; "attachment" when nothing is left. */
export const cleanFileName = (name: string) => {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join("")
    .trim();
  return clip(cleaned || "attachment", 255);
};
