import { json, route } from "@/lib/api/handler";
import { passwordResetConfirmSchema } from "@/lib/auth/schema";
import { confirmPasswordReset } from "@/lib/orgs/identity";

export const POST = route({ auth: false, body: passwordResetConfirmSchema }, async ({ body, requestId }) => {
  const result = await confirmPasswordReset(body, requestId);
  return result.ok ? json({ email: result.value.email }) : result;
});
