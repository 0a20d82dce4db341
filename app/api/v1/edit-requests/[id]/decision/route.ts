import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { editRequestResponse } from "@/lib/edits/api";
import { decideEditRequest } from "@/lib/edits/commands";
import { editDecisionSchema } from "@/lib/edits/schema";

export const POST = route({ params: idParams, permission: "edits.decide", body: editDecisionSchema }, async ({ actor, params, body }) => {
  const result = await decideEditRequest(actor, params.id, body);
  return result.ok ? editRequestResponse(actor, params.id) : result;
});
