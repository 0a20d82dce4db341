import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { updateEditRequest } from "@/lib/edits/commands/draft";
import { getEditRequestView } from "@/lib/edits/queries";
import { updateEditRequestSchema } from "@/lib/edits/schema";

export const GET = route({ params: idParams }, async ({ actor, params }) =>
  jsonOrNotFound(await getEditRequestView(actor, params.id), "Edit request"),
);

export const PATCH = route(
  { params: idParams, permission: "edits.request.write", body: updateEditRequestSchema },
  async ({ actor, params, body }) => {
    const result = await updateEditRequest(actor, params.id, body);
    return result.ok ? jsonOrNotFound(await getEditRequestView(actor, params.id), "Edit request") : result;
  },
);
