import { route } from "@/lib/api/handler";
import { idParams, VERSION_BODY_REFUSAL } from "@/lib/api/schemas";
import { editRequestResponse } from "@/lib/edits/api";
import { submitEditRequest } from "@/lib/edits/commands";
import { editRequestVersionSchema } from "@/lib/edits/schema";

// The body is optional: {"version": n} guards against submitting a request that changed since it was read.
export const POST = route(
  { params: idParams, permission: "edits.request.write", body: editRequestVersionSchema, bodyOptional: { refusal: VERSION_BODY_REFUSAL } },
  async ({ actor, params, body }) => {
    const result = await submitEditRequest(actor, params.id, body.version);
    return result.ok ? editRequestResponse(actor, params.id) : result;
  },
);
