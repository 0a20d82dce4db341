import { z } from "zod";
import { OBLIGATION_KINDS } from "@/lib/notifications/schema";

/**
 * Obligations: every dated thing a party must do or should know about, derived from the records
 * (deals, instalments, statements, receipts, grants, edit requests, advances, FX rates); never
 * stored, so they can never disagree with the records. Browser-safe.
 */
// The kinds are the notification module's reminder kinds (one list: preferences name them too).
export { OBLIGATION_KINDS, type ObligationKind } from "@/lib/notifications/schema";

export const OBLIGATION_STATUSES = ["UPCOMING", "DUE", "OVERDUE", "DONE"] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const OBLIGATION_SIDES = ["OWED_BY_US", "OWED_TO_US", "INFO"] as const;
export type ObligationSide = (typeof OBLIGATION_SIDES)[number];

export { REPORTING_FREQUENCIES, type ReportingFrequency } from "@/lib/deals/schema";

/** Reminder stages: 30, 7 and 1 days before the due date, and the first overdue day. */
export const REMINDER_STAGES = ["D30", "D7", "D1", "OVERDUE"] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

const isoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });

/** A comma-separated list of enum values (`kind=STATEMENT,MG_INSTALMENT`), or one value. */
function enumList<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z
    .string()
    .max(500)
    .transform((s, ctx) => {
      const items = s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
      const unknown = items.filter((v) => !(values as readonly string[]).includes(v));
      if (items.length === 0 || unknown.length > 0) {
        ctx.addIssue({ code: "custom", message: `Use ${what}: ${values.join(", ")} (comma-separated for several).` });
        return z.NEVER;
      }
      return items as T[number][];
    })
    .meta({ description: `One or more of ${values.join(", ")}, comma-separated.` });
}

export const obligationListQuerySchema = z
  .object({
    from: isoDate.optional().meta({ description: "Earliest due date (inclusive)." }),
    to: isoDate.optional().meta({ description: "Latest due date (inclusive)." }),
    kind: enumList(OBLIGATION_KINDS, "obligation kinds").optional(),
    status: enumList(OBLIGATION_STATUSES, "statuses").optional(),
    side: enumList(OBLIGATION_SIDES, "sides").optional(),
    dealId: z.uuid({ error: "Use a deal id." }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "`from` must not be after `to`.", path: ["to"] });
export type ObligationListQuery = z.output<typeof obligationListQuerySchema>;
