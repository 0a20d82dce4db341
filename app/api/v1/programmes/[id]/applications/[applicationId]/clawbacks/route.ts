import { json, route } from "@/lib/api/handler";
import { clawBack } from "@/lib/programmes/commands/payouts";
import { presentPayout } from "@/lib/programmes/present";
import { applicationParams, clawbackSchema } from "@/lib/programmes/schema";

export const POST = route({ params: applicationParams, body: clawbackSchema }, async ({ actor, params, body }) => {
  const result = await clawBack(actor, params.id, params.applicationId, body);
  return result.ok ? json(presentPayout(result.value.entry, result.value.currency), 201) : result;
});
