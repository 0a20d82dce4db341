import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { changeMemberRole, removeMember } from "@/lib/orgs/commands";
import { changeRoleSchema } from "@/lib/orgs/schema";

export const PATCH = route({ params: idParams, body: changeRoleSchema }, async ({ actor, params, body }) => {
  const result = await changeMemberRole(actor, params.id, body.role);
  return result.ok ? json({ id: params.id, role: body.role }) : result;
});

export const DELETE = route({ params: idParams }, async ({ actor, params }) => {
  const result = await removeMember(actor, params.id);
  return result.ok ? new Response(null, { status: 204 }) : result;
});
