import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { getEligibility } from "@/lib/programmes/queries";
import { eligibilityQuerySchema } from "@/lib/programmes/schema";

/** The acting studio's live eligibility answer and award preview (404 for anyone else). */
export const GET = route({ params: idParams, query: eligibilityQuerySchema }, async ({ actor, params, query }) => {
  const result = await getEligibility(actor, params.id, query.asOf);
  return result.ok ? json(result.value) : result;
});
