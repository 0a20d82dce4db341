import { json, route } from "@/lib/api/handler";
import { previewEligibility } from "@/lib/facility/queries";
import { eligibilityQuerySchema } from "@/lib/facility/schema";

export const GET = route({ permission: "advances.apply", query: eligibilityQuerySchema }, async ({ actor, query }) => {
  const result = await previewEligibility(actor, query);
  return result.ok ? json(result.value) : result;
});
