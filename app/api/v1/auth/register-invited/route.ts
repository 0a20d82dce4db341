import { json, route } from "@/lib/api/handler";
import { registerInvitedSchema } from "@/lib/auth/schema";
import { registerWithInvitation } from "@/lib/orgs/commands";

export const POST = route({ auth: false, body: registerInvitedSchema }, async ({ body, requestId }) => {
  const result = await registerWithInvitation(body, requestId);
  return result.ok ? json(result.value, 201) : result;
});
