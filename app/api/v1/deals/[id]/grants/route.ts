import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { dealResponse } from "@/lib/deals/api";
import { addGrant } from "@/lib/deals/commands";
import { grantInputSchema } from "@/lib/deals/schema";

export const POST = route({ params: idParams, body: grantInputSchema }, async ({ actor, params, body }) => {
  const result = await addGrant(actor, params.id, body);
  return result.ok ? dealResponse(actor, params.id, 201) : result;
});
