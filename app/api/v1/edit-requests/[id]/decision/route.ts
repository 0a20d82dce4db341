import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { decideEditRequest } from "@/lib/edits/commands/decide";
import { getEditRequestView } from "@/lib/edits/queries";
import { editDecisionSchema } from "@/lib/edits/schema";

export const POST = route({ params: idParams, permission: "edits.decide", body: editDecisionSchema }, async ({ actor, params, body }) => {
  const result = await decideEditRequest(actor, params.id, body);
  return result.ok ? jsonOrNotFound(await getEditRequestView(actor, params.id), "Edit request") : result;
});
