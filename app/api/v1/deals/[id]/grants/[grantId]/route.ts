import { z } from "zod";
import { route } from "@/lib/api/handler";
import { deleteGrant } from "@/lib/deals/commands/grants";

const params = z.object({ id: z.uuid(), grantId: z.uuid() });

export const DELETE = route({ params }, async ({ actor, params: p }) => {
  const result = await deleteGrant(actor, p.id, p.grantId);
  return result.ok ? new Response(null, { status: 204 }) : result;
});
