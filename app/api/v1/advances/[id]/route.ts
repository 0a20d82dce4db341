import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { advanceResponse } from "@/lib/facility/api";
import { updateAdvanceDraft } from "@/lib/facility/commands";
import { advanceUpdateSchema } from "@/lib/facility/schema";

export const GET = route({ params: idParams }, async ({ actor, params }) => advanceResponse(actor, params.id));

export const PATCH = route({ params: idParams, body: advanceUpdateSchema }, async ({ actor, params, body }) => {
  const result = await updateAdvanceDraft(actor, params.id, body);
  return result.ok ? advanceResponse(actor, params.id) : result;
});
