import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { sniffType } from "@/lib/files/sniff";
import { fail, notFound, ok, type Result } from "@/lib/result";
import { storage } from "@/lib/storage";
import { posterUrl } from "./present";
import { readableTitles, refuseTitleWrite } from "./queries";

/**
 * Title posters in the app's file storage (lib/storage: PostgreSQL, or S3 when configured) under
 * the key `posters/<name>`, so every instance serves every poster. The file type is decided by the
 * file's first bytes, never by its name or the declared content type, and a new upload gets a new
 * name, so a poster URL (versioned by the title's lockVersion) can be cached for a long time.
 * Earlier versions kept posters on local disk under POSTER_DIR; `moveLegacyPosters`
 * (./legacy-posters.ts, run by `npm start` only) moves them.
 */

export const MAX_POSTER_BYTES = 5 * 1024 * 1024;

export const POSTER_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
} as const;
export type PosterType = keyof typeof POSTER_TYPES;

/** The image type the bytes really are (JPEG, PNG or WebP), or undefined. */
export function sniffPosterType(bytes: Uint8Array): PosterType | undefined {
  const type = sniffType(bytes);
  return type === "image/jpeg" || type === "image/png" || type === "image/webp" ? type : undefined;
}

const fileProblem = (reason: string, message: string) => fail("invalid", reason, message, { errors: [{ path: "file", message }] });

export const posterTooLarge = () => fileProblem("FILE_TOO_LARGE", `The poster is larger than ${MAX_POSTER_BYTES / 1024 / 1024} MB.`);
export const noPosterFile = () =>
  fileProblem("NO_FILE", "Attach the poster as the multipart/form-data field “file” (a JPEG, PNG or WebP image of at most 5 MB).");

/** Our own file names only (`<uuid>-<hex>.<ext>`): a stored name can never name another key or path. */
const FILE_NAME = /^[0-9a-f-]{36}-[0-9a-f]{16}\.(jpg|png|webp)$/;

export function posterStorageKey(name: string): string | undefined {
  return FILE_NAME.test(name) ? `posters/${name}` : undefined;
}

/** Replaces the poster of one of the studio's own titles. */
export async function savePoster(
  actor: Actor,
  titleId: string,
  bytes: Uint8Array,
): Promise<Result<{ posterUrl: string; lockVersion: number }>> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "catalogue.write"))
    return refuseTitleWrite(actor, titleId, "Only the studio that owns a title uploads its poster.");
  if (bytes.byteLength === 0) return noPosterFile();
  if (bytes.byteLength > MAX_POSTER_BYTES) return posterTooLarge();
  const type = sniffPosterType(bytes);
  if (!type) return fileProblem("UNSUPPORTED_FILE_TYPE", "The poster must be a JPEG, PNG or WebP image.");

  const title = await db.title.findFirst({ where: { id: titleId, studioId: actor.org.id }, select: { id: true } });
  if (!title) return notFound("Title");

  const name = `${title.id}-${randomBytes(8).toString("hex")}.${POSTER_TYPES[type]}`;
  const key = `posters/${name}`;
  await storage().put(key, bytes, type);
  try {
    const result = await db.$transaction(async (tx) => {
      const before = await tx.title.findFirst({
        where: { id: title.id, studioId: actor.org.id },
        select: { posterFile: true, posterType: true, lockVersion: true },
      });
      if (!before) return notFound("Title");
      // The poster changes the title (and its cache-busting URL), so it takes a lock version like any edit.
      const after = await tx.title.update({
        where: { id: title.id },
        data: { posterFile: name, posterType: type, lockVersion: { increment: 1 } },
        select: { id: true, posterFile: true, lockVersion: true },
      });
      await recordAudit(tx, who(actor), {
        action: "title.poster",
        entityType: "Title",
        entityId: title.id,
        partyOrgIds: [actor.org.id],
        before: { posterFile: before.posterFile, posterType: before.posterType },
        after: { posterFile: name, posterType: type, bytes: bytes.byteLength },
      });
      return ok({ previous: before.posterFile, posterUrl: posterUrl(after) ?? "", lockVersion: after.lockVersion });
    });
    if (!result.ok) {
      await storage().delete(key);
      return result;
    }
    // The old file is no longer referenced; removing it is best effort (a leftover file is harmless).
    const old = result.value.previous ? posterStorageKey(result.value.previous) : undefined;
    if (old)
      await storage()
        .delete(old)
        .catch(() => undefined);
    return ok({ posterUrl: result.value.posterUrl, lockVersion: result.value.lockVersion });
  } catch (error) {
    await storage()
      .delete(key)
      .catch(() => undefined);
    throw error;
  }
}

/** The poster of a title the actor may read, or null (no such title, not visible, or no poster). */
export async function readPoster(actor: Actor, titleId: string) {
  const title = await db.title.findFirst({
    where: { AND: [{ id: titleId }, readableTitles(actor)] },
    select: { posterFile: true, posterType: true, lockVersion: true },
  });
  if (!title?.posterFile || !title.posterType) return null;
  const key = posterStorageKey(title.posterFile);
  if (!key) return null;
  const file = await storage().get(key);
  if (!file) return null;
  return { bytes: file.bytes, type: title.posterType, etag: `"${title.posterFile}"`, lockVersion: title.lockVersion };
}
