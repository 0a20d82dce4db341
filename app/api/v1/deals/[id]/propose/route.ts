import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams, VERSION_BODY_REFUSAL } from "@/lib/api/schemas";
import { proposeDeal } from "@/lib/deals/commands/sign";
import { getDealView } from "@/lib/deals/queries";
import { dealVersionSchema } from "@/lib/deals/schema";

// The body is optional: {"version": n} guards against signing a deal that changed since it was read.
export const POST = route(
  { params: idParams, body: dealVersionSchema, bodyOptional: { refusal: VERSION_BODY_REFUSAL } },
  async ({ actor, params, body }) => {
    const result = await proposeDeal(actor, params.id, body.version);
    return result.ok ? jsonOrNotFound(await getDealView(actor, params.id), "Deal") : result;
  },
);
