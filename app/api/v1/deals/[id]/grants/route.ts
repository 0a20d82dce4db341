import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { addGrant } from "@/lib/deals/commands/grants";
import { getDealView } from "@/lib/deals/queries";
import { grantInputSchema } from "@/lib/deals/schema";

export const POST = route({ params: idParams, body: grantInputSchema }, async ({ actor, params, body }) => {
  const result = await addGrant(actor, params.id, body);
  return result.ok ? jsonOrNotFound(await getDealView(actor, params.id), "Deal", 201) : result;
});
