import { z } from "zod";

/**
 * In-app notifications. A notification belongs to one user acting in one
 * organisation; commands fan one event out to every member of the receiving organisation.
 * `kind` names the event; the UI renders it from messages with `params`.
 */
export const NOTIFICATION_KINDS = [
  "editRequest.submitted",
  "editRequest.decided",
  "editRequest.itemsDecided",
  "editRequest.changesRequested",
  "editRequest.commented",
  "editRequest.withdrawn",
  "obligation.reminder",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationListQuerySchema = z.object({
  unread: z.enum(["true", "false"], { error: "Use unread=true or unread=false." }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;

/** POST /notifications/read: the given notifications, or all of them. */
export const markReadSchema = z
  .union([
    z
      .object({
        ids: z
          .array(z.uuid({ error: "Use notification ids." }))
          .min(1, { error: "Name at least one notification." })
          .max(500),
      })
      .strict(),
    z.object({ all: z.literal(true, { error: "Send all: true to mark every notification read." }) }).strict(),
  ])
  .meta({ id: "MarkNotificationsRead" });
export type MarkReadData = z.output<typeof markReadSchema>;
