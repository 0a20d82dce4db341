import { json, route } from "@/lib/api/handler";
import { iso } from "@/lib/api/present";
import { listAuditEntries } from "@/lib/audit/queries";
import { auditQuerySchema } from "@/lib/audit/schema";

export const GET = route({ permission: "org.audit.read", query: auditQuerySchema }, async ({ actor, query }) => {
  const page = await listAuditEntries(actor, {
    limit: query.limit,
    cursor: query.cursor ? BigInt(query.cursor) : undefined,
    entityType: query.entityType,
    entityId: query.entityId,
  });
  return json({ items: page.items.map((e) => ({ ...e, at: iso(e.at) })), nextCursor: page.nextCursor });
});
