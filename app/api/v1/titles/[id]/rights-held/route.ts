import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { getRightsHeld, setRightsHeld } from "@/lib/deals/rights-held";
import { rightsHeldSchema } from "@/lib/deals/schema";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const held = await getRightsHeld(actor, params.id);
  return held ? json(held) : notFound("Title");
});

export const PUT = route({ params: idParams, body: rightsHeldSchema }, async ({ actor, params, body }) => {
  const result = await setRightsHeld(actor, params.id, body);
  if (!result.ok) return result;
  const held = await getRightsHeld(actor, params.id);
  return held ? json(held) : notFound("Title");
});
