import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { updateTitle } from "@/lib/catalogue/commands";
import { presentTitle } from "@/lib/catalogue/present";
import { getTitle } from "@/lib/catalogue/queries";
import { updateTitleSchema } from "@/lib/catalogue/schema";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const title = await getTitle(actor, params.id);
  return title ? json(presentTitle(title)) : notFound("Title");
});

export const PATCH = route({ params: idParams, body: updateTitleSchema }, async ({ actor, params, body }) => {
  const result = await updateTitle(actor, params.id, body);
  if (!result.ok) return result;
  const title = await getTitle(actor, params.id);
  return title ? json(presentTitle(title)) : notFound("Title");
});
