import { json, jsonOrNotFound, route } from "@/lib/api/handler";
import { createAdvance } from "@/lib/facility/commands/apply";
import { getAdvance, listAdvances } from "@/lib/facility/queries";
import { advanceCreateSchema, advanceListQuerySchema } from "@/lib/facility/schema";
import { notFound } from "@/lib/result";

// A studio sees its own advances, a facility its facility's. Partners (and the platform) have no
// advances at all: the collection does not exist for them (404), as the issue asks.
export const GET = route({ query: advanceListQuerySchema }, async ({ actor, query }) =>
  actor.org.kind === "STUDIO" || actor.org.kind === "FACILITY" ? json(await listAdvances(actor, query)) : notFound("Advances"),
);

export const POST = route({ permission: "advances.apply", body: advanceCreateSchema }, async ({ actor, body }) => {
  const result = await createAdvance(actor, body);
  return result.ok ? jsonOrNotFound(await getAdvance(actor, result.value.id), "Advance", 201) : result;
});
