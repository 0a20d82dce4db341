import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { submitAdvance } from "@/lib/facility/commands/apply";
import { getAdvance } from "@/lib/facility/queries";

export const POST = route({ params: idParams }, async ({ actor, params }) => {
  const result = await submitAdvance(actor, params.id);
  return result.ok ? jsonOrNotFound(await getAdvance(actor, params.id), "Advance") : result;
});
