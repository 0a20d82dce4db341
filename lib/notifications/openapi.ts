import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { paginated } from "@/lib/api/pagination";
import { errorResponses } from "@/lib/api/schemas";
import {
  markReadSchema,
  NOTIFICATION_KINDS,
  notificationListQuerySchema,
  notificationPreferenceSchema,
  putNotificationPreferencesSchema,
} from "./schema";

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    subjectType: z.string(),
    subjectId: z.uuid(),
    params: z.record(z.string(), z.unknown()).meta({ description: "Values for the message: names, statuses, counts." }),
    href: z.string().meta({ description: "In-app path of the subject." }),
    read: z.boolean(),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Notification" });

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

export function registerNotificationPaths(r: OpenAPIRegistry) {
  const tags = ["Notifications"];
  r.registerPath({
    method: "get",
    path: "/api/v1/notifications",
    tags,
    summary: "Your notifications in the active organisation, newest first (API keys have none)",
    request: { query: notificationListQuerySchema },
    responses: {
      200: {
        description: "A page of notifications and the unread count.",
        ...jsonBody(paginated(notificationSchema, "NotificationPage").extend({ unreadCount: z.int() })),
      },
      ...errorResponses(401, 422),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/notifications/unread-count",
    tags,
    summary: "How many of your notifications are unread (the bell)",
    responses: { 200: { description: "The count.", ...jsonBody(z.object({ unreadCount: z.int() })) }, ...errorResponses(401) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/notifications/read",
    tags,
    summary: "Mark notifications read: `{ids: [...]}` or `{all: true}`",
    request: { body: jsonBody(markReadSchema) },
    responses: {
      200: {
        description: "How many changed, and what is still unread.",
        ...jsonBody(z.object({ updated: z.int(), unreadCount: z.int() })),
      },
      ...errorResponses(400, 401, 403, 415, 422),
    },
  });
  const preferences = z
    .object({ items: z.array(notificationPreferenceSchema) })
    .meta({ id: "NotificationPreferences", description: "Every notification kind, in a fixed order, with your choice or its default." });
  r.registerPath({
    method: "get",
    path: "/api/v1/me/notification-preferences",
    tags,
    summary: "How you hear of each kind of notification: e-mail IMMEDIATE, DAILY_DIGEST or OFF, and in-app (people only)",
    responses: { 200: { description: "Every kind.", ...jsonBody(preferences) }, ...errorResponses(401, 403) },
  });
  r.registerPath({
    method: "put",
    path: "/api/v1/me/notification-preferences",
    tags,
    summary: "Set your preferences for the kinds listed (the others keep theirs); answers every kind",
    request: { body: jsonBody(putNotificationPreferencesSchema) },
    responses: {
      200: { description: "Every kind, after the change.", ...jsonBody(preferences) },
      ...errorResponses(400, 401, 403, 415, 422),
    },
  });
}
