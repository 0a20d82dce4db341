import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { exerciseRenewal } from "@/lib/deals/commands/amend";
import { getAmendmentView } from "@/lib/deals/queries";
import { renewalRequestSchema } from "@/lib/deals/schema";

// The licensee exercises the renewal option: the amendment is created and proposed in one step.
export const POST = route({ params: idParams, body: renewalRequestSchema, bodyOptional: true }, async ({ actor, params, body }) => {
  const result = await exerciseRenewal(actor, params.id, body.note);
  return result.ok ? jsonOrNotFound(await getAmendmentView(actor, params.id, result.value.id), "Amendment", 201) : result;
});
