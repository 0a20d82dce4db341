import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { advanceResponse } from "@/lib/facility/api";
import { startReview } from "@/lib/facility/commands";

export const POST = route({ params: idParams }, async ({ actor, params }) => {
  const result = await startReview(actor, params.id);
  return result.ok ? advanceResponse(actor, params.id) : result;
});
