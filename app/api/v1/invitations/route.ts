import { json, route } from "@/lib/api/handler";
import { iso } from "@/lib/api/present";
import { inviteMember } from "@/lib/orgs/commands";
import { listPendingInvitations } from "@/lib/orgs/queries";
import { inviteSchema } from "@/lib/orgs/schema";

export const GET = route({ permission: "org.members.invite" }, async ({ actor }) => {
  const items = await listPendingInvitations(actor);
  return json({ items: items.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: iso(i.expiresAt) })), nextCursor: null });
});

export const POST = route({ body: inviteSchema }, async ({ actor, body, req }) => {
  const result = await inviteMember(actor, body);
  if (!result.ok) return result;
  const { id, email, role, token, expiresAt } = result.value;
  const url = new URL(`/invite/${token}`, process.env.NEXTAUTH_URL ?? req.nextUrl.origin).toString();
  return json({ id, email, role, expiresAt: iso(expiresAt), token, url }, 201);
});
