import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { applyToProgramme } from "@/lib/programmes/commands/apply";
import { getApplication, listApplications } from "@/lib/programmes/queries";
import { applicationPageQuerySchema } from "@/lib/programmes/schema";

export const GET = route({ params: idParams, query: applicationPageQuerySchema }, async ({ actor, params, query }) =>
  jsonOrNotFound(await listApplications(actor, params.id, query), "Programme"),
);

/** Applies with the studio's eligibility answer of today, frozen as the snapshot. */
export const POST = route({ params: idParams }, async ({ actor, params }) => {
  const result = await applyToProgramme(actor, params.id);
  return result.ok ? jsonOrNotFound(await getApplication(actor, params.id, result.value.id), "Application", 201) : result;
});
