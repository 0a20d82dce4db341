import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { createAmendment } from "@/lib/deals/commands/amend";
import { getAmendmentView, listAmendments } from "@/lib/deals/queries";
import { amendmentInputSchema } from "@/lib/deals/schema";

export const GET = route({ params: idParams }, async ({ actor, params }) => jsonOrNotFound(await listAmendments(actor, params.id), "Deal"));

export const POST = route({ params: idParams, body: amendmentInputSchema }, async ({ actor, params, body }) => {
  const result = await createAmendment(actor, params.id, body);
  return result.ok ? jsonOrNotFound(await getAmendmentView(actor, params.id, result.value.id), "Amendment", 201) : result;
});
