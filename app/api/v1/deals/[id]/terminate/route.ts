import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { terminateDeal } from "@/lib/deals/commands/end";
import { getDealView } from "@/lib/deals/queries";
import { terminateSchema } from "@/lib/deals/schema";

export const POST = route({ params: idParams, body: terminateSchema }, async ({ actor, params, body }) => {
  const result = await terminateDeal(actor, params.id, body.reason);
  return result.ok ? jsonOrNotFound(await getDealView(actor, params.id), "Deal") : result;
});
