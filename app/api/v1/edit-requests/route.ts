import { json, jsonOrNotFound, route } from "@/lib/api/handler";
import { createEditRequest } from "@/lib/edits/commands/draft";
import { presentEditRequestSummary } from "@/lib/edits/present";
import { getEditRequestView, listEditRequests } from "@/lib/edits/queries";
import { createEditRequestSchema, editRequestListQuerySchema } from "@/lib/edits/schema";

export const GET = route({ query: editRequestListQuerySchema }, async ({ actor, query }) => {
  const page = await listEditRequests(actor, query);
  return json({ items: page.items.map((r) => presentEditRequestSummary(r, actor.org.id)), nextCursor: page.nextCursor });
});

export const POST = route({ permission: "edits.request.write", body: createEditRequestSchema }, async ({ actor, body }) => {
  const result = await createEditRequest(actor, body);
  return result.ok ? jsonOrNotFound(await getEditRequestView(actor, result.value.id), "Edit request", 201) : result;
});
