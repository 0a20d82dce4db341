import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { titleHiddenFrom } from "@/lib/catalogue/queries";
import { setEditPolicy } from "@/lib/edits/commands/policy";
import { getEditPolicyView } from "@/lib/edits/queries";
import { editPolicyQuerySchema, editPolicySchema } from "@/lib/edits/schema";

export const GET = route({ params: idParams, query: editPolicyQuerySchema }, async ({ actor, params, query }) => {
  const view = await getEditPolicyView(actor, params.id, query.version);
  return view.ok ? json(view.value) : view;
});

export const PUT = route(
  {
    params: idParams,
    permission: "edits.policy.write",
    hiddenFrom: (actor, params) => titleHiddenFrom(actor, params.id),
    body: editPolicySchema,
  },
  async ({ actor, params, body }) => {
    const result = await setEditPolicy(actor, params.id, body);
    if (!result.ok) return result;
    const view = await getEditPolicyView(actor, params.id);
    return view.ok ? json(view.value) : view;
  },
);
