import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { updateProgramme } from "@/lib/programmes/commands/programme";
import { getProgramme } from "@/lib/programmes/queries";
import { programmeUpdateSchema } from "@/lib/programmes/schema";

export const GET = route({ params: idParams }, async ({ actor, params }) =>
  jsonOrNotFound(await getProgramme(actor, params.id), "Programme"),
);

export const PATCH = route({ params: idParams, body: programmeUpdateSchema }, async ({ actor, params, body }) => {
  const result = await updateProgramme(actor, params.id, body);
  return result.ok ? jsonOrNotFound(await getProgramme(actor, params.id), "Programme") : result;
});
