import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams, VERSION_BODY_REFUSAL } from "@/lib/api/schemas";
import { withdrawEditRequest } from "@/lib/edits/commands/submit";
import { getEditRequestView } from "@/lib/edits/queries";
import { editRequestVersionSchema } from "@/lib/edits/schema";

// The body is optional: {"version": n} guards against withdrawing a request that changed since it was read.
export const POST = route(
  { params: idParams, permission: "edits.request.write", body: editRequestVersionSchema, bodyOptional: { refusal: VERSION_BODY_REFUSAL } },
  async ({ actor, params, body }) => {
    const result = await withdrawEditRequest(actor, params.id, body.version);
    return result.ok ? jsonOrNotFound(await getEditRequestView(actor, params.id), "Edit request") : result;
  },
);
