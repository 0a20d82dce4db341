import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { createVersion } from "@/lib/catalogue/commands";
import { presentVersion } from "@/lib/catalogue/present";
import { getVersion, listVersions } from "@/lib/catalogue/queries";
import { createVersionSchema } from "@/lib/catalogue/schema";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const versions = await listVersions(actor, params.id);
  return versions ? json({ items: versions.map(presentVersion), nextCursor: null }) : notFound("Title");
});

export const POST = route({ params: idParams, body: createVersionSchema }, async ({ actor, params, body }) => {
  const result = await createVersion(actor, params.id, body);
  if (!result.ok) return result;
  const version = await getVersion(actor, result.value.id);
  return version ? json(presentVersion(version), 201) : notFound("Version");
});
