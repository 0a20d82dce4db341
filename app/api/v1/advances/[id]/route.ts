import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { updateAdvanceDraft } from "@/lib/facility/commands/apply";
import { getAdvance } from "@/lib/facility/queries";
import { advanceUpdateSchema } from "@/lib/facility/schema";

export const GET = route({ params: idParams }, async ({ actor, params }) => jsonOrNotFound(await getAdvance(actor, params.id), "Advance"));

export const PATCH = route({ params: idParams, body: advanceUpdateSchema }, async ({ actor, params, body }) => {
  const result = await updateAdvanceDraft(actor, params.id, body);
  return result.ok ? jsonOrNotFound(await getAdvance(actor, params.id), "Advance") : result;
});
