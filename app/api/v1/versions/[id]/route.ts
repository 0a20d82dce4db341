import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { updateVersion } from "@/lib/catalogue/commands";
import { presentVersion } from "@/lib/catalogue/present";
import { getVersion } from "@/lib/catalogue/queries";
import { updateVersionSchema } from "@/lib/catalogue/schema";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const version = await getVersion(actor, params.id);
  return version ? json(presentVersion(version)) : notFound("Version");
});

export const PATCH = route({ params: idParams, body: updateVersionSchema }, async ({ actor, params, body }) => {
  const result = await updateVersion(actor, params.id, body);
  if (!result.ok) return result;
  const version = await getVersion(actor, params.id);
  return version ? json(presentVersion(version)) : notFound("Version");
});
