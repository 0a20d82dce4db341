import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { advanceResponse } from "@/lib/facility/api";
import { defaultAdvance } from "@/lib/facility/commands";
import { advanceDefaultSchema } from "@/lib/facility/schema";

export const POST = route({ params: idParams, body: advanceDefaultSchema }, async ({ actor, params, body }) => {
  const result = await defaultAdvance(actor, params.id, body);
  return result.ok ? advanceResponse(actor, params.id) : result;
});
