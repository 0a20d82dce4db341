import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { dealResponse } from "@/lib/deals/api";
import { updateDeal } from "@/lib/deals/commands";
import { updateDealSchema } from "@/lib/deals/schema";

export const GET = route({ params: idParams }, async ({ actor, params }) => dealResponse(actor, params.id));

export const PATCH = route({ params: idParams, body: updateDealSchema }, async ({ actor, params, body }) => {
  const result = await updateDeal(actor, params.id, body);
  return result.ok ? dealResponse(actor, params.id) : result;
});
