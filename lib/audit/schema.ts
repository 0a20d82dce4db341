import { z } from "zod";

const MAX_BIGINT = 9_223_372_036_854_775_807n;

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, { error: "Use the nextCursor of a previous page." })
    // 19 digits can still exceed Postgres' bigint, which would fail in the database with a 500.
    .refine((c) => !/^\d+$/.test(c) || BigInt(c) <= MAX_BIGINT, { error: "Use the nextCursor of a previous page." })
    .optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
});

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    actor: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    viaApiKey: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEntry" });

/** What an audit entry is about, named for people in both languages, with the currency its amounts are in. */
export type AuditSubject = { name: { en: string; zh: string } | null; currency: string | null };
