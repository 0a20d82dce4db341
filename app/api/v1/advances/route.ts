import { json, route } from "@/lib/api/handler";
import { advanceResponse } from "@/lib/facility/api";
import { advanceCreateSchema, advanceListQuerySchema } from "@/lib/facility/api-schemas";
import { createAdvance } from "@/lib/facility/commands";
import { listAdvances } from "@/lib/facility/queries";

// A studio sees its own advances, a facility its facility's; everyone else an empty list.
export const GET = route({ query: advanceListQuerySchema }, async ({ actor, query }) => json(await listAdvances(actor, query)));

export const POST = route({ permission: "advances.apply", body: advanceCreateSchema }, async ({ actor, body }) => {
  const result = await createAdvance(actor, body);
  return result.ok ? advanceResponse(actor, result.value.id, 201) : result;
});
