import { json, route } from "@/lib/api/handler";
import { eligibilityQuerySchema } from "@/lib/facility/api-schemas";
import { previewEligibility } from "@/lib/facility/queries";

export const GET = route({ permission: "advances.apply", query: eligibilityQuerySchema }, async ({ actor, query }) => {
  const result = await previewEligibility(actor, query);
  return result.ok ? json(result.value) : result;
});
