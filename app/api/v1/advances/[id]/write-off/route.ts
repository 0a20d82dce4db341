import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { writeOffAdvance } from "@/lib/facility/commands/write-off";
import { getAdvance } from "@/lib/facility/queries";
import { writeOffSchema } from "@/lib/facility/schema";

// The body is optional: {"reason": "..."} is kept on the WRITE_OFF ledger entry.
export const POST = route({ params: idParams, body: writeOffSchema, bodyOptional: true }, async ({ actor, params, body }) => {
  const result = await writeOffAdvance(actor, params.id, body);
  return result.ok ? jsonOrNotFound(await getAdvance(actor, params.id), "Advance") : result;
});
