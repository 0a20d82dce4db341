import { json, route } from "@/lib/api/handler";
import { registerSchema } from "@/lib/auth/schema";
import { registerWithOrganization } from "@/lib/orgs/commands";

export const POST = route({ auth: false, body: registerSchema }, async ({ body, requestId }) => {
  const result = await registerWithOrganization(body, requestId);
  return result.ok ? json(result.value, 201) : result;
});
