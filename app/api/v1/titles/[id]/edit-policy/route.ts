import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { editPolicyResponse } from "@/lib/edits/api";
import { setEditPolicy } from "@/lib/edits/commands";
import { editPolicyQuerySchema, editPolicySchema } from "@/lib/edits/schema";

export const GET = route({ params: idParams, query: editPolicyQuerySchema }, async ({ actor, params, query }) =>
  editPolicyResponse(actor, params.id, 200, query.version),
);

export const PUT = route(
  { params: idParams, permission: "edits.policy.write", body: editPolicySchema },
  async ({ actor, params, body }) => {
    const result = await setEditPolicy(actor, params.id, body);
    return result.ok ? editPolicyResponse(actor, params.id) : result;
  },
);
