import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { decideAdvance } from "@/lib/facility/commands/underwrite";
import { getAdvance } from "@/lib/facility/queries";
import { advanceDecisionSchema } from "@/lib/facility/schema";

export const POST = route({ params: idParams, body: advanceDecisionSchema }, async ({ actor, params, body }) => {
  const result = await decideAdvance(actor, params.id, body);
  return result.ok ? jsonOrNotFound(await getAdvance(actor, params.id), "Advance") : result;
});
