import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { defaultAdvance } from "@/lib/facility/commands/write-off";
import { getAdvance } from "@/lib/facility/queries";
import { advanceDefaultSchema } from "@/lib/facility/schema";

export const POST = route({ params: idParams, body: advanceDefaultSchema }, async ({ actor, params, body }) => {
  const result = await defaultAdvance(actor, params.id, body);
  return result.ok ? jsonOrNotFound(await getAdvance(actor, params.id), "Advance") : result;
});
