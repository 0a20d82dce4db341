import { json, route } from "@/lib/api/handler";
import { registerInvitedSchema } from "@/lib/auth/schema";
import { localeFromHeaders } from "@/lib/i18n/config";
import { registerWithInvitation } from "@/lib/orgs/commands";

export const POST = route({ auth: false, body: registerInvitedSchema }, async ({ req, body, requestId }) => {
  const result = await registerWithInvitation(body, requestId, localeFromHeaders(req.headers));
  return result.ok ? json(result.value, 201) : result;
});
