import { jsonOrNotFound, route } from "@/lib/api/handler";
import { decideApplication } from "@/lib/programmes/commands/decide";
import { getApplication } from "@/lib/programmes/queries";
import { applicationParams, decisionSchema } from "@/lib/programmes/schema";

export const POST = route({ params: applicationParams, body: decisionSchema }, async ({ actor, params, body }) => {
  const result = await decideApplication(actor, params.id, params.applicationId, body);
  return result.ok ? jsonOrNotFound(await getApplication(actor, params.id, params.applicationId), "Application") : result;
});
