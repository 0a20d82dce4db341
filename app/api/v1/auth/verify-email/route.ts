import { json, route } from "@/lib/api/handler";
import { verifyEmailSchema } from "@/lib/auth/schema";
import { verifyEmail } from "@/lib/orgs/identity";

// The token proves the mailbox on its own: no session needed (the link may open in another browser).
export const POST = route({ auth: false, body: verifyEmailSchema }, async ({ body, requestId }) => {
  const result = await verifyEmail(body.token, requestId);
  return result.ok ? json({ email: result.value.email, emailVerified: true }) : result;
});
