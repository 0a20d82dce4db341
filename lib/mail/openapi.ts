import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { paginated, paginationQuery } from "@/lib/api/pagination";
import { errorResponses } from "@/lib/api/schemas";
import { outboxMessageSchema } from "./schema";

export function registerMailPaths(r: OpenAPIRegistry) {
  r.registerPath({
    method: "get",
    path: "/api/v1/platform/outbox",
    tags: ["Platform"],
    summary: "The e-mail outbox, newest first: every message with its status, attempts and last error (platform admins)",
    request: { query: paginationQuery },
    responses: {
      200: {
        description: "A page of messages.",
        content: { "application/json": { schema: paginated(outboxMessageSchema, "OutboxPage") } },
      },
      ...errorResponses(401, 403, 422),
    },
  });
}
