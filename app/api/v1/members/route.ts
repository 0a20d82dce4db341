import { json, route } from "@/lib/api/handler";
import { iso } from "@/lib/api/present";
import { listMembers } from "@/lib/orgs/queries";

export const GET = route({ permission: "org.members.read" }, async ({ actor }) => {
  const members = await listMembers(actor);
  return json({ items: members.map((m) => ({ ...m, createdAt: iso(m.createdAt) })), nextCursor: null });
});
