import { route } from "@/lib/api/handler";
import { logoutEverywhere } from "@/lib/orgs/commands";

export const POST = route({}, async ({ actor }) => {
  const result = await logoutEverywhere(actor);
  return result.ok ? new Response(null, { status: 204 }) : result;
});
