import { json, route } from "@/lib/api/handler";
import { unreadNotificationCount } from "@/lib/notifications/queries";

export const GET = route({}, async ({ actor }) => json({ unreadCount: await unreadNotificationCount(actor) }));
