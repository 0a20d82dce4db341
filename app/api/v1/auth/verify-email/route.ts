import { json, route } from "@/lib/api/handler";
import { verifyEmailSchema } from "@/lib/auth/schema";
import { verifyEmail } from "@/lib/orgs/identity";

// The token proves the mailbox on its own: no session needed (the link may open in another browser).
export const POST = route({ auth: false, body: verifyEmailSchema }, async ({ body }) => {
  const result = await verifyEmail(body.token);
  return result.ok ? json({ email: result.value.email, emailVerified: true }) : result;
});
