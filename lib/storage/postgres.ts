import "server-only";
import { db } from "@/lib/db/client";
import type { FileStorage } from "./types";

/** Files in the stored_file table of the app's database: the default, nothing else to run or back up. */
export const postgresStorage: FileStorage = {
  kind: "postgres",
  async put(key, bytes, contentType) {
    const data = new Uint8Array(bytes);
    await db.storedFile.upsert({
      where: { key },
      create: { key, contentType, sizeBytes: data.byteLength, data },
      update: { contentType, sizeBytes: data.byteLength, data, createdAt: new Date() },
    });
  },
  async get(key) {
    const row = await db.storedFile.findUnique({ where: { key }, select: { data: true, contentType: true } });
    return row ? { bytes: new Uint8Array(row.data), contentType: row.contentType } : null;
  },
  async delete(key) {
    await db.storedFile.deleteMany({ where: { key } });
  },
  async has(key) {
    return (await db.storedFile.count({ where: { key } })) > 0;
  },
};
