import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { revokeApiKey } from "@/lib/api-keys/commands";

export const DELETE = route({ permission: "org.apiKeys.manage", params: idParams }, async ({ actor, params }) => {
  const result = await revokeApiKey(actor, params.id);
  return result.ok ? new Response(null, { status: 204 }) : result;
});
