/** What an upload through the API answered: success, or the status and problem+json body of a refusal. */
import type { CodedError } from "./field-errors";

export type PostFileAnswer =
  | { ok: true }
  | { ok: false; status: number | null; problem: { reason?: string; detail?: string; errors?: CodedError[] } | null };

/**
 * Sends one file as `multipart/form-data` field `file` (uploads up to 10 MB go through the API,
 * beyond what a server action accepts). Never throws: a network failure is logged and answered
 * with status null, so the form says "the upload failed" instead of hanging.
 */
export async function postFile(url: string, file: File, method: "POST" | "PUT" = "POST"): Promise<PostFileAnswer> {
  const body = new FormData();
  body.set("file", file);
  let res: Response;
  try {
    res = await fetch(url, { method, body });
  } catch (error) {
    console.error("An upload got no answer", error);
    return { ok: false, status: null, problem: null };
  }
  if (res.ok) return { ok: true };
  // A refusal is problem+json; anything else (a proxy's HTML error page) has no problem to read,
  // and the caller falls back to its generic message — swallowing the parse error is the point.
  const problem = (await res.json().catch(() => null)) as { reason?: string; detail?: string; errors?: CodedError[] } | null;
  return { ok: false, status: res.status, problem };
}
