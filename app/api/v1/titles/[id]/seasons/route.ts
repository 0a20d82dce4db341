import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { presentSeason } from "@/lib/catalogue/present";
import { createSeasonSchema } from "@/lib/catalogue/schema";
import { createSeason, getSeason, listSeasons } from "@/lib/catalogue/seasons";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const seasons = await listSeasons(actor, params.id);
  return seasons ? json({ items: seasons.map(presentSeason), nextCursor: null }) : notFound("Title");
});

export const POST = route({ params: idParams, body: createSeasonSchema }, async ({ actor, params, body }) => {
  const result = await createSeason(actor, params.id, body);
  if (!result.ok) return result;
  const season = await getSeason(actor, params.id, result.value.id);
  return season ? json(presentSeason(season), 201) : notFound("Season");
});
