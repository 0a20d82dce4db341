import { json, route } from "@/lib/api/handler";
import { problem, problemResponse } from "@/lib/api/problem";
import { readSessionToken, userFromToken } from "@/lib/auth/gate";
import { acceptInvitation } from "@/lib/orgs/commands";
import { acceptInvitationSchema } from "@/lib/orgs/schema";

// Authenticated by the session of a person, who may not belong to any organisation yet (so not
// through the wrapper's organisation-bound gate). API keys cannot accept invitations.
export const POST = route({ auth: false, body: acceptInvitationSchema }, async ({ req, body, requestId }) => {
  if (req.headers.get("authorization")) {
    return problemResponse(problem(403, "USER_REQUIRED", "Invitations are accepted by a signed-in person, not an API key.", { requestId }));
  }
  const user = await userFromToken(await readSessionToken(req));
  if (!user) {
    return problemResponse(problem(401, "UNAUTHENTICATED", "Sign in as the invited person to accept an invitation.", { requestId }));
  }
  const result = await acceptInvitation(user, body.token, requestId);
  return result.ok ? json(result.value) : result;
});
