import { json, route } from "@/lib/api/handler";
import { editRequestResponse } from "@/lib/edits/api";
import { createEditRequest } from "@/lib/edits/commands";
import { presentEditRequestSummary } from "@/lib/edits/present";
import { listEditRequests } from "@/lib/edits/queries";
import { createEditRequestSchema, editRequestListQuerySchema } from "@/lib/edits/schema";

export const GET = route({ query: editRequestListQuerySchema }, async ({ actor, query }) => {
  const page = await listEditRequests(actor, query);
  return json({ items: page.items.map((r) => presentEditRequestSummary(r, actor.org.id)), nextCursor: page.nextCursor });
});

export const POST = route({ permission: "edits.request.write", body: createEditRequestSchema }, async ({ actor, body }) => {
  const result = await createEditRequest(actor, body);
  return result.ok ? editRequestResponse(actor, result.value.id, 201) : result;
});
