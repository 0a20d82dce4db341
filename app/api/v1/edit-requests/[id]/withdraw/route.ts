import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { editRequestResponse, optionalVersion } from "@/lib/edits/api";
import { withdrawEditRequest } from "@/lib/edits/commands";

// The body is optional: {"version": n} guards against withdrawing a request that changed since it was read.
export const POST = route({ params: idParams, permission: "edits.request.write" }, async ({ actor, params, req }) => {
  const version = await optionalVersion(req);
  if (!version.ok) return version;
  const result = await withdrawEditRequest(actor, params.id, version.value);
  return result.ok ? editRequestResponse(actor, params.id) : result;
});
