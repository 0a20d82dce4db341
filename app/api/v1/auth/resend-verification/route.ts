import { json, route } from "@/lib/api/handler";
import { problem, problemResponse } from "@/lib/api/problem";
import { resendVerification } from "@/lib/orgs/identity";

export const POST = route({}, async ({ caller, requestId }) => {
  if (caller.via !== "session") {
    return problemResponse(
      problem(403, "USER_REQUIRED", "A verification e-mail is asked for by a signed-in person, not an API key.", { requestId }),
    );
  }
  const result = await resendVerification(caller.session.user.id);
  return result.ok ? json({ sentTo: result.value.email }, 202) : result;
});
