import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { advanceResponse } from "@/lib/facility/api";
import { decideAdvance } from "@/lib/facility/commands";
import { advanceDecisionSchema } from "@/lib/facility/schema";

export const POST = route({ params: idParams, body: advanceDecisionSchema }, async ({ actor, params, body }) => {
  const result = await decideAdvance(actor, params.id, body);
  return result.ok ? advanceResponse(actor, params.id) : result;
});
