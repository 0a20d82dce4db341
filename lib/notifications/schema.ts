import { z } from "zod";

/**
 * In-app notifications. A notification belongs to one user acting in one
 * organisation; commands fan one event out to every member of the receiving organisation.
 * `kind` names the event; the UI renders it from messages with `params`.
 */
export const EDIT_REQUEST_KINDS = [
  "editRequest.submitted",
  "editRequest.decided",
  "editRequest.itemsDecided",
  "editRequest.changesRequested",
  "editRequest.commented",
  "editRequest.withdrawn",
  "obligation.reminder",
] as const;

/** Events of deals, statements, receipts and advances, announced to the organisation that should act or know. */
export const EVENT_KINDS = [
  "DEAL_PROPOSED",
  "DEAL_SIGNED",
  "DEAL_TERMINATED",
  /** An amendment was signed by both parties (lib/deals/commands/amend.ts). */
  "DEAL_AMENDED",
  "STATEMENT_SUBMITTED",
  "STATEMENT_ACCEPTED",
  "STATEMENT_DISPUTED",
  "STATEMENT_SUPERSEDED",
  "RECEIPT_RECORDED",
  "ADVANCE_SUBMITTED",
  "ADVANCE_REVIEWED",
  "ADVANCE_DECIDED",
  "ADVANCE_DISBURSED",
  "ADVANCE_REPAID",
  "ADVANCE_DEFAULTED",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Reminders of obligations (due dates), one kind per obligation kind. */
export const OBLIGATION_KINDS = [
  "MG_INSTALMENT",
  "STATEMENT",
  "OVERAGE_PAYMENT",
  "RIGHTS_EXPIRY",
  "HOLDBACK_ENDS",
  "EDIT_DECISION",
  "ADVANCE_DISBURSEMENT",
  "FX_RATE_MISSING",
  "RENEWAL_NOTICE",
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** Every kind a person sets a preference for (GET/PUT /me/notification-preferences lists them in this order). */
export const PREFERENCE_KINDS = [...EVENT_KINDS, ...OBLIGATION_KINDS] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

export const NOTIFICATION_KINDS = [...EDIT_REQUEST_KINDS, ...PREFERENCE_KINDS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_DELIVERIES = ["IMMEDIATE", "DAILY_DIGEST", "OFF"] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];

export const notificationPreferenceSchema = z
  .object({
    kind: z.enum(PREFERENCE_KINDS, { error: "Unknown notification kind." }),
    email: z.enum(EMAIL_DELIVERIES, { error: "Use IMMEDIATE, DAILY_DIGEST or OFF." }),
    inApp: z.boolean({ error: "Use true or false." }),
  })
  .strict()
  .meta({ id: "NotificationPreference" });
export type NotificationPreference = z.output<typeof notificationPreferenceSchema>;

/** PUT /me/notification-preferences: the kinds listed are set; the others keep their setting. */
export const putNotificationPreferencesSchema = z
  .object({
    items: z
      .array(notificationPreferenceSchema)
      .min(1, { error: "List at least one preference." })
      .max(PREFERENCE_KINDS.length, { error: "List each kind at most once." }),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.items.forEach((item, i) => {
      if (seen.has(item.kind)) ctx.addIssue({ code: "custom", path: ["items", i, "kind"], message: "This kind is listed twice." });
      seen.add(item.kind);
    });
  })
  .meta({ id: "NotificationPreferencesUpdate" });
export type PutNotificationPreferences = z.output<typeof putNotificationPreferencesSchema>;

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
