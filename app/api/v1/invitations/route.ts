import { json, route } from "@/lib/api/handler";
import { iso } from "@/lib/api/present";
import { inviteMember } from "@/lib/orgs/commands";
import { listPendingInvitations } from "@/lib/orgs/queries";
import { inviteSchema } from "@/lib/orgs/schema";

export const GET = route({ permission: "org.members.invite" }, async ({ actor }) => {
  const items = await listPendingInvitations(actor);
  return json({ items: items.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: iso(i.expiresAt) })), nextCursor: null });
});

// The link is e-mailed to the invited address only; the inviter never sees the token.
export const POST = route({ body: inviteSchema }, async ({ actor, body }) => {
  const result = await inviteMember(actor, body);
  if (!result.ok) return result;
  const { id, email, role, expiresAt } = result.value;
  return json({ id, email, role, expiresAt: iso(expiresAt) }, 201);
});
