import { z } from "zod";
import { json, route } from "@/lib/api/handler";
import { decodeCursor, encodeCursor, paginationQuery } from "@/lib/api/pagination";
import { presentOutboxMessage } from "@/lib/mail/present";
import { listOutbox } from "@/lib/mail/queries";

const cursorSchema = z.object({ before: z.uuid() });

export const GET = route({ permission: "platform.outbox.read", query: paginationQuery }, async ({ query }) => {
  const page = await listOutbox({ limit: query.limit, beforeId: decodeCursor(query.cursor, cursorSchema)?.before });
  return json({
    items: page.items.map(presentOutboxMessage),
    nextCursor: page.nextId ? encodeCursor({ before: page.nextId }) : null,
  });
});
