import { json, route } from "@/lib/api/handler";
import { markNotificationsRead } from "@/lib/notifications/commands";
import { unreadNotificationCount } from "@/lib/notifications/queries";
import { markReadSchema } from "@/lib/notifications/schema";

export const POST = route({ body: markReadSchema }, async ({ actor, body }) => {
  const result = await markNotificationsRead(actor, body);
  if (!result.ok) return result;
  return json({ updated: result.value.updated, unreadCount: await unreadNotificationCount(actor) });
});
