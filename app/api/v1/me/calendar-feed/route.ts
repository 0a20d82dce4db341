import { json, route } from "@/lib/api/handler";
import { createFeed, currentFeed, revokeFeed } from "@/lib/obligations/feeds";

export const GET = route({}, async ({ actor }) => json({ feed: await currentFeed(actor) }));

export const POST = route({}, async ({ actor }) => {
  const result = await createFeed(actor);
  return result.ok ? json(result.value, 201) : result;
});

export const DELETE = route({}, async ({ actor }) => {
  const result = await revokeFeed(actor);
  return result.ok ? new Response(null, { status: 204 }) : result;
});
