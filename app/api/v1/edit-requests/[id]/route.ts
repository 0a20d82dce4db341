import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { editRequestResponse } from "@/lib/edits/api";
import { updateEditRequest } from "@/lib/edits/commands";
import { updateEditRequestSchema } from "@/lib/edits/schema";

export const GET = route({ params: idParams }, async ({ actor, params }) => editRequestResponse(actor, params.id));

export const PATCH = route(
  { params: idParams, permission: "edits.request.write", body: updateEditRequestSchema },
  async ({ actor, params, body }) => {
    const result = await updateEditRequest(actor, params.id, body);
    return result.ok ? editRequestResponse(actor, params.id) : result;
  },
);
