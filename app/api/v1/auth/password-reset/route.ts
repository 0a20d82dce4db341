import { route } from "@/lib/api/handler";
import { passwordResetRequestSchema } from "@/lib/auth/schema";
import { clientAddress } from "@/lib/http/client-address";
import { localeFromHeaders } from "@/lib/i18n/config";
import { requestPasswordReset } from "@/lib/orgs/identity";

// Always 202 for a well-formed request, known address or not, so the answer reveals nothing.
export const POST = route({ auth: false, body: passwordResetRequestSchema }, async ({ req, body }) => {
  const result = await requestPasswordReset(body.email, clientAddress(req.headers), localeFromHeaders(req.headers));
  return result.ok ? new Response(null, { status: 202 }) : result;
});
