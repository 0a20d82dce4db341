import { json, route } from "@/lib/api/handler";
import { limitRegistrations } from "@/lib/auth/rate-limit";
import { registerSchema } from "@/lib/auth/schema";
import { clientAddress } from "@/lib/http/client-address";
import { localeFromHeaders } from "@/lib/i18n/config";
import { registerWithOrganization } from "@/lib/orgs/commands";

// Answers as before (201 with the organisation) and e-mails the verification link.
export const POST = route({ auth: false, body: registerSchema }, async ({ req, body, requestId }) => {
  const limited = await limitRegistrations(clientAddress(req.headers));
  if (limited) return limited;
  const result = await registerWithOrganization(body, requestId, localeFromHeaders(req.headers));
  return result.ok ? json(result.value, 201) : result;
});
