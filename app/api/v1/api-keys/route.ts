import { z } from "zod";
import { json, route } from "@/lib/api/handler";
import { decodeCursor, encodeCursor, paginationQuery } from "@/lib/api/pagination";
import { iso, isoOrNull } from "@/lib/api/present";
import { createApiKey } from "@/lib/api-keys/commands";
import { listApiKeys } from "@/lib/api-keys/queries";
import { createApiKeySchema } from "@/lib/api-keys/schema";

const cursorSchema = z.object({ before: z.uuid() });
const scopeName = (scope: "READ" | "WRITE") => (scope === "WRITE" ? "write" : "read");

export const GET = route({ permission: "org.apiKeys.manage", query: paginationQuery }, async ({ actor, query }) => {
  const page = await listApiKeys(actor, { limit: query.limit, beforeId: decodeCursor(query.cursor, cursorSchema)?.before });
  return json({
    items: page.items.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scope: scopeName(k.scope),
      createdAt: iso(k.createdAt),
      lastUsedAt: isoOrNull(k.lastUsedAt),
      createdBy: k.createdBy.name,
    })),
    nextCursor: page.nextId ? encodeCursor({ before: page.nextId }) : null,
  });
});

export const POST = route({ permission: "org.apiKeys.manage", body: createApiKeySchema }, async ({ actor, body }) => {
  const result = await createApiKey(actor, body);
  if (!result.ok) return result;
  const k = result.value;
  return json(
    { id: k.id, name: k.name, key: k.key, prefix: k.prefix, scope: scopeName(k.scope), createdAt: iso(k.createdAt), lastUsedAt: null },
    201,
  );
});
