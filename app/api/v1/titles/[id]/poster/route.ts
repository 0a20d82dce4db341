import type { NextRequest } from "next/server";
import { json, route } from "@/lib/api/handler";
import { failureToProblem, problemResponse } from "@/lib/api/problem";
import { idParams } from "@/lib/api/schemas";
import { MAX_POSTER_BYTES, noPosterFile, posterTooLarge, readPoster, savePoster } from "@/lib/catalogue/posters";
import { type Failure, fail, notFound, ok, type Result } from "@/lib/result";

/** Room for the multipart envelope around a poster of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

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

async function readUpload(req: NextRequest): Promise<Result<Uint8Array>> {
  const contentType = req.headers.get("content-type") ?? "";
  if (contentType.split(";")[0]?.trim().toLowerCase() !== "multipart/form-data")
    return fail("invalid", "UNSUPPORTED_MEDIA_TYPE", "Send multipart/form-data with the image in the field “file”.");
  const body = await readBody(req, MAX_POSTER_BYTES + MULTIPART_OVERHEAD);
  if (!body) return posterTooLarge();
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return noPosterFile();
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return noPosterFile();
  if (file.size > MAX_POSTER_BYTES) return posterTooLarge();
  return ok(new Uint8Array(await file.arrayBuffer()));
}

const STATUS_OF_REASON: Record<string, { status: number; title: string }> = {
  FILE_TOO_LARGE: { status: 413, title: "Content too large" },
  UNSUPPORTED_FILE_TYPE: { status: 415, title: "Unsupported media type" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported media type" },
};

function refusal(failure: Failure, requestId: string): Response | Failure {
  const special = STATUS_OF_REASON[failure.reason];
  return special ? problemResponse({ ...failureToProblem(failure, requestId), ...special }) : failure;
}

export const GET = route({ params: idParams }, async ({ actor, params, req }) => {
  const poster = await readPoster(actor, params.id);
  if (!poster) return notFound("Poster");
  // A URL carrying the current lockVersion never changes content (a new poster bumps it).
  const versioned = req.nextUrl.searchParams.get("v") === String(poster.lockVersion);
  const headers = {
    "content-type": poster.type,
    etag: poster.etag,
    "cache-control": versioned ? "private, max-age=31536000, immutable" : "private, no-cache",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'",
  };
  if (req.headers.get("if-none-match") === poster.etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(poster.bytes), { headers: { ...headers, "content-length": String(poster.bytes.byteLength) } });
});

async function upload({
  actor,
  params,
  req,
  requestId,
}: {
  actor: Parameters<typeof savePoster>[0];
  params: { id: string };
  req: NextRequest;
  requestId: string;
}) {
  const file = await readUpload(req);
  if (!file.ok) return refusal(file, requestId);
  const result = await savePoster(actor, params.id, file.value);
  return result.ok ? json(result.value) : refusal(result, requestId);
}

export const PUT = route({ params: idParams, permission: "catalogue.write" }, upload);
export const POST = route({ params: idParams, permission: "catalogue.write" }, upload);
