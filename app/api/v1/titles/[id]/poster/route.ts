import type { NextRequest } from "next/server";
import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { readUploadedFile, uploadRefusal as refusal } from "@/lib/api/upload";
import type { Actor } from "@/lib/auth/actor";
import { MAX_POSTER_BYTES, noPosterFile, posterTooLarge, readPoster, savePoster } from "@/lib/catalogue/posters";
import { titleHiddenFrom } from "@/lib/catalogue/queries";
import { notFound, ok } from "@/lib/result";

async function readUpload(req: NextRequest) {
  const upload = await readUploadedFile(req, {
    maxBytes: MAX_POSTER_BYTES,
    noFileMessage: "no file",
    unsupportedMessage: "Send multipart/form-data with the image in the field “file”.",
  });
  if (upload.ok) return ok(upload.value.bytes);
  if (upload.reason === "FILE_TOO_LARGE") return posterTooLarge();
  if (upload.reason === "NO_FILE") return noPosterFile();
  return upload;
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

const writeSpec = {
  params: idParams,
  permission: "catalogue.write",
  hiddenFrom: (actor: Actor, params: { id: string }) => titleHiddenFrom(actor, params.id),
} as const;
export const PUT = route(writeSpec, upload);
export const POST = route(writeSpec, upload);
