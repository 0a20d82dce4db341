import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db/client";
import { storage } from "@/lib/storage";
import { posterStorageKey, sniffPosterType } from "./posters";

/**
 * Posters that earlier versions kept on local disk (POSTER_DIR). Only `npm start` (scripts/start.ts)
 * imports this module, never a page or route: a file path built at run time in server code makes
 * Next's file tracer copy the whole project into the standalone build.
 */

/** Where earlier versions stored posters on disk. */
export function posterDir(): string {
  return path.resolve(process.env.POSTER_DIR || path.join(process.cwd(), ".data", "uploads", "posters"));
}

/**
 * Moves posters that earlier versions stored on local disk (POSTER_DIR) into the storage, once:
 * a title whose poster is already stored is skipped, so running it again does nothing. Run by
 * `npm start` at start; the files on disk are left for the operator to delete.
 */
export async function moveLegacyPosters(dir: string = posterDir()): Promise<{ moved: number; missing: number }> {
  const titles = await db.title.findMany({ where: { posterFile: { not: null } }, select: { posterFile: true, posterType: true } });
  let moved = 0;
  let missing = 0;
  for (const title of titles) {
    const key = title.posterFile ? posterStorageKey(title.posterFile) : undefined;
    if (!key || !title.posterFile || (await storage().has(key))) continue;
    try {
      const bytes = await readFile(path.join(dir, title.posterFile));
      await storage().put(key, new Uint8Array(bytes), title.posterType ?? sniffPosterType(bytes) ?? "application/octet-stream");
      moved++;
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "ENOENT") missing++;
      else throw error;
    }
  }
  return { moved, missing };
}
