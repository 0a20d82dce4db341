import { jsonOrNotFound, route } from "@/lib/api/handler";
import { reviewApplication } from "@/lib/programmes/commands/decide";
import { getApplication } from "@/lib/programmes/queries";
import { applicationParams, reviewSchema } from "@/lib/programmes/schema";

export const POST = route({ params: applicationParams, body: reviewSchema, bodyOptional: true }, async ({ actor, params, body }) => {
  const result = await reviewApplication(actor, params.id, params.applicationId, body.note);
  return result.ok ? jsonOrNotFound(await getApplication(actor, params.id, params.applicationId), "Application") : result;
});
