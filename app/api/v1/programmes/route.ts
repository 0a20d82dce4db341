import { jsonOrNotFound, route } from "@/lib/api/handler";
import { createProgramme } from "@/lib/programmes/commands/programme";
import { getProgramme, listProgrammes } from "@/lib/programmes/queries";
import { programmeCreateSchema, programmeListQuerySchema } from "@/lib/programmes/schema";

// A programme organisation lists its programmes, a studio those open today (and those it applied
// to); for partners, facilities and the platform the collection does not exist (404).
export const GET = route({ query: programmeListQuerySchema }, async ({ actor, query }) =>
  jsonOrNotFound(await listProgrammes(actor, query), "Programmes"),
);

export const POST = route({ body: programmeCreateSchema }, async ({ actor, body }) => {
  const result = await createProgramme(actor, body);
  return result.ok ? jsonOrNotFound(await getProgramme(actor, result.value.id), "Programme", 201) : result;
});
