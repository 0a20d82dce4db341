import { json, route } from "@/lib/api/handler";
import { presentEpisode } from "@/lib/catalogue/present";
import { createEpisodeSchema, seasonParams } from "@/lib/catalogue/schema";
import { createEpisode, listEpisodes } from "@/lib/catalogue/seasons";
import { notFound } from "@/lib/result";

export const GET = route({ params: seasonParams }, async ({ actor, params }) => {
  const episodes = await listEpisodes(actor, params.id, params.sid);
  return episodes ? json({ items: episodes.map(presentEpisode), nextCursor: null }) : notFound("Season");
});

export const POST = route({ params: seasonParams, body: createEpisodeSchema }, async ({ actor, params, body }) => {
  const result = await createEpisode(actor, params.id, params.sid, body);
  if (!result.ok) return result;
  const episodes = await listEpisodes(actor, params.id, params.sid);
  const episode = episodes?.find((e) => e.id === result.value.id);
  return episode ? json(presentEpisode(episode), 201) : notFound("Episode");
});
