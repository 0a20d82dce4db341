import { json, route } from "@/lib/api/handler";
import { acceptInvitation } from "@/lib/orgs/commands";
import { acceptInvitationSchema } from "@/lib/orgs/schema";
import { fail } from "@/lib/result";

export const POST = route({ body: acceptInvitationSchema }, async ({ caller, body, requestId }) => {
  const user = caller.session.user;
  if (!user) return fail("forbidden", "USER_REQUIRED", "Invitations are accepted by a signed-in person, not an API key.");
  const result = await acceptInvitation(user, body.token, requestId);
  return result.ok ? json(result.value) : result;
});
