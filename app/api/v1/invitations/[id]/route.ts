import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { revokeInvitation } from "@/lib/orgs/commands";

export const DELETE = route({ params: idParams }, async ({ actor, params }) => {
  const result = await revokeInvitation(actor, params.id);
  return result.ok ? new Response(null, { status: 204 }) : result;
});
