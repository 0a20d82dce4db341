import { json, route } from "@/lib/api/handler";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/queries";
import { notificationListQuerySchema } from "@/lib/notifications/schema";

export const GET = route({ query: notificationListQuerySchema }, async ({ actor, query }) => {
  const [page, unreadCount] = await Promise.all([listNotifications(actor, query), unreadNotificationCount(actor)]);
  return json({ ...page, unreadCount });
});
