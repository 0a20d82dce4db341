import { json, route } from "@/lib/api/handler";
import { setNotificationPreferences } from "@/lib/notifications/commands";
import { notificationPreferences } from "@/lib/notifications/queries";
import { putNotificationPreferencesSchema } from "@/lib/notifications/schema";

export const GET = route({}, async ({ actor }) => {
  const result = await notificationPreferences(actor);
  return result.ok ? json(result.value) : result;
});

export const PUT = route({ body: putNotificationPreferencesSchema }, async ({ actor, body }) => {
  const result = await setNotificationPreferences(actor, body);
  return result.ok ? json(result.value) : result;
});
