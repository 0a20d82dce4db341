import { postFile } from "@/components/forms/post-file";
/**
 * What a supporting document of an application may be. The browser checks these first to save a
 * round trip; the server checks the real bytes again.
 */
export const DOCUMENT_LIMITS = {
  maxMb: 10,
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  types: [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ],
  accept: ".pdf,.png,.jpg,.jpeg,.xlsx,.docx",
  label: "PDF, PNG, JPEG, XLSX, DOCX",
} as const;

const EXTENSIONS = /\.(pdf|png|jpe?g|xlsx|docx)$/i;

/** Why a chosen file cannot be attached, or null. */
export function documentProblem(file: { name: string; size: number; type: string }): "tooLarge" | "empty" | "type" | null {
  if (file.size === 0) return "empty";
  if (file.size > DOCUMENT_LIMITS.maxBytes) return "tooLarge";
  const typeOk = file.type ? (DOCUMENT_LIMITS.types as readonly string[]).includes(file.type) : false;
  if (!typeOk && !EXTENSIONS.test(file.name)) return "type";
  return null;
}

/**
 * Uploads one document through the API (POST /api/v1/advances/{id}/documents, session cookie):
 * files up to 10 MB are beyond what a server action accepts. Answers why it failed, or null.
 */
export async function uploadDocument(advanceId: string, file: File): Promise<"tooLarge" | "type" | "generic" | null> {
  const answer = await postFile(`/api/v1/advances/${advanceId}/documents`, file);
  if (answer.ok) return null;
  if (answer.status === 413 || answer.problem?.reason === "FILE_TOO_LARGE") return "tooLarge";
  if (answer.status === 415 || answer.problem?.reason === "UNSUPPORTED_FILE_TYPE") return "type";
  return "generic";
}
