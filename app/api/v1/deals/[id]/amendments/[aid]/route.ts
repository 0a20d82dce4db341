import { jsonOrNotFound, route } from "@/lib/api/handler";
import { updateAmendment } from "@/lib/deals/commands/amend";
import { getAmendmentView } from "@/lib/deals/queries";
import { amendmentParams, amendmentPatchSchema } from "@/lib/deals/schema";

export const GET = route({ params: amendmentParams }, async ({ actor, params }) =>
  jsonOrNotFound(await getAmendmentView(actor, params.id, params.aid), "Amendment"),
);

export const PATCH = route({ params: amendmentParams, body: amendmentPatchSchema }, async ({ actor, params, body }) => {
  const result = await updateAmendment(actor, params.id, params.aid, body);
  return result.ok ? jsonOrNotFound(await getAmendmentView(actor, params.id, params.aid), "Amendment") : result;
});
