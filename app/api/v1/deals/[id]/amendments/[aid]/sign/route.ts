import { jsonOrNotFound, route } from "@/lib/api/handler";
import { VERSION_BODY_REFUSAL } from "@/lib/api/schemas";
import { signAmendment } from "@/lib/deals/commands/amend";
import { getAmendmentView } from "@/lib/deals/queries";
import { amendmentParams, dealVersionSchema } from "@/lib/deals/schema";

// The body is optional: {"version": n} guards against acting on an amendment that changed since it was read.
export const POST = route(
  { params: amendmentParams, body: dealVersionSchema, bodyOptional: { refusal: VERSION_BODY_REFUSAL } },
  async ({ actor, params, body }) => {
    const result = await signAmendment(actor, params.id, params.aid, body.version);
    return result.ok ? jsonOrNotFound(await getAmendmentView(actor, params.id, params.aid), "Amendment") : result;
  },
);
