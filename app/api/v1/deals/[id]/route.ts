import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { updateDeal } from "@/lib/deals/commands/draft";
import { getDealView } from "@/lib/deals/queries";
import { updateDealSchema } from "@/lib/deals/schema";

export const GET = route({ params: idParams }, async ({ actor, params }) => jsonOrNotFound(await getDealView(actor, params.id), "Deal"));

export const PATCH = route({ params: idParams, body: updateDealSchema }, async ({ actor, params, body }) => {
  const result = await updateDeal(actor, params.id, body);
  return result.ok ? jsonOrNotFound(await getDealView(actor, params.id), "Deal") : result;
});
