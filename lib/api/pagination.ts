import { z } from "zod";

/** Opaque cursors: base64url of a small JSON payload, so clients cannot depend on their shape. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const cursorField = z.string().nullable().meta({ description: "Pass as `cursor` to get the next page; null on the last page." });

export function paginated<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), nextCursor: cursorField }).meta({ id });
}
