import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { dealResponse } from "@/lib/deals/api";
import { terminateDeal } from "@/lib/deals/commands";
import { terminateSchema } from "@/lib/deals/schema";

export const POST = route({ params: idParams, body: terminateSchema }, async ({ actor, params, body }) => {
  const result = await terminateDeal(actor, params.id, body.reason);
  return result.ok ? dealResponse(actor, params.id) : result;
});
