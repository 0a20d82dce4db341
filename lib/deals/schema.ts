import { z } from "zod";
import { currencyCodeSchema, moneySchema, percentSchema } from "@/lib/money/money";

export const DEAL_STATUSES = ["DRAFT", "PROPOSED", "SIGNED", "EXPIRED", "TERMINATED"] as const;
export const INSTALMENT_TRIGGERS = ["SIGNATURE", "DELIVERY", "ACCEPTANCE", "RELEASE", "DATE"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
/** How often the licensee reports (calendar months, quarters, half-years, years). */
export const REPORTING_FREQUENCIES = ["MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];
export const DEFAULT_REPORTING = { reportingFrequency: "QUARTERLY", reportingDueDays: 45, paymentDueDays: 30 } as const;

const isoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });
const codes = (max: number, what: string) =>
  z
    .array(z.string().trim().min(1).max(20))
    .min(1, { error: `Choose at least one ${what}.` })
    .max(max);

export const shareTierSchema = z
  .object({
    upTo: z
      .string()
      .regex(/^\d{1,18}(\.\d{1,4})?$/, { error: "Use a decimal amount, or null for the top tier." })
      .nullable(),
    pct: percentSchema,
  })
  .meta({ id: "ShareTier", description: "Licensor share of cumulative net receipts up to `upTo` (null = no limit)." });

export const participantSchema = z
  .object({
    name: z.string().trim().min(1, { error: "Name the participant." }).max(200),
    role: z.string().trim().min(1, { error: "Give the participant's role." }).max(100),
    share: z.string().regex(/^\d{1,8}(\.\d{1,4})?$/, { error: 'Use a positive decimal share, e.g. "40".' }),
  })
  .meta({ id: "Participant" });

export const instalmentSchema = z
  .object({
    amount: moneySchema,
    dueDate: isoDate.nullish(),
    trigger: z.enum(INSTALMENT_TRIGGERS, { error: `Choose a trigger: ${INSTALMENT_TRIGGERS.join(", ")}.` }),
  })
  .meta({ id: "Instalment" });

export const renewalOptionSchema = z
  .object({
    noticeBy: isoDate.meta({ description: "The last day the licensee may exercise the option." }),
    extendsTo: isoDate.meta({ description: "Exercising it extends every grant's window to this date." }),
    mgIncreasePct: percentSchema.meta({ description: "The minimum guarantee grows by this percentage (rounded half-even)." }),
  })
  .refine((r) => r.noticeBy < r.extendsTo, {
    error: "The option's notice date must come before the date it extends to.",
    path: ["extendsTo"],
  })
  .meta({ id: "RenewalOption" });
export type RenewalOption = z.output<typeof renewalOptionSchema>;

export const dealTermsSchema = z
  .object({
    minimumGuarantee: moneySchema.nullish(),
    instalments: z.array(instalmentSchema).max(50).optional(),
    distributionFeePct: percentSchema.nullish(),
    expenseCap: moneySchema.nullish(),
    shareTiers: z.array(shareTierSchema).max(20).optional(),
    creatorParticipationPct: percentSchema.nullish(),
    participants: z.array(participantSchema).max(100).optional(),
    reportingFrequency: z
      .enum(REPORTING_FREQUENCIES, { error: `Choose a reporting frequency: ${REPORTING_FREQUENCIES.join(", ")}.` })
      .optional()
      .meta({ description: 'How often the licensee reports; default "QUARTERLY".' }),
    reportingDueDays: z
      .int({ error: "Use a whole number of days from 1 to 180." })
      .min(1, { error: "Use a whole number of days from 1 to 180." })
      .max(180, { error: "Use a whole number of days from 1 to 180." })
      .optional()
      .meta({ description: "Days after each reporting period's end the statement is due (1–180, default 45)." }),
    paymentDueDays: z
      .int({ error: "Use a whole number of days from 0 to 180." })
      .min(0, { error: "Use a whole number of days from 0 to 180." })
      .max(180, { error: "Use a whole number of days from 0 to 180." })
      .optional()
      .meta({ description: "Days after a statement is accepted its overage is due (0–180, default 30)." }),
    renewalOption: renewalOptionSchema.nullish(),
  })
  .meta({ id: "DealTerms" });
export type DealTermsInput = z.output<typeof dealTermsSchema>;

export const createDealSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    licenseeId: z.uuid().optional().meta({ description: "When you license out: the other party, as licensee." }),
    licensorId: z.uuid().optional().meta({ description: "When you license in: the other party, as licensor." }),
    currency: currencyCodeSchema,
    terms: dealTermsSchema.default({}),
  })
  .refine((d) => (d.licenseeId ? 1 : 0) + (d.licensorId ? 1 : 0) === 1, {
    error: "Give exactly one of licenseeId (you license out) or licensorId (you license in).",
    path: ["licenseeId"],
  })
  .meta({ id: "DealInput" });
export type CreateDealData = z.output<typeof createDealSchema>;

export const updateDealSchema = z
  .object({
    version: z.int({ error: "Send the deal's version as you last read it." }).min(1),
    name: z.string().trim().min(1).max(200).optional(),
    currency: currencyCodeSchema.optional(),
    terms: dealTermsSchema.optional(),
  })
  .meta({ id: "DealPatch" });
export type UpdateDealData = z.output<typeof updateDealSchema>;

/** Season numbers of a series: distinct, ascending; empty = every season (including later ones). */
export const seasonNumbersSchema = z
  .array(
    z
      .int({ error: "Use season numbers: whole numbers from 1." })
      .min(1, { error: "Use season numbers: whole numbers from 1." })
      .max(1000, { error: "Use season numbers up to 1000." }),
  )
  .max(200)
  .transform((seasons) => [...new Set(seasons)].sort((a, b) => a - b))
  .meta({
    description:
      "Seasons of a series the grant covers, by number (e.g. [1, 2]). Absent or empty: every season, including seasons added later. Only for series.",
  });

export const holdbackSchema = z
  .object({
    mediaRights: codes(30, "media right"),
    territories: codes(300, "territory"),
    until: isoDate,
  })
  .meta({ id: "Holdback", description: "The licensor may not exploit these media in these territories until `until`." });

export const grantInputSchema = z
  .object({
    titleId: z.uuid({ error: "Choose a title." }),
    versionId: z.uuid().nullish(),
    territories: codes(300, "territory"),
    excludedTerritories: z.array(z.string().trim().min(1).max(20)).max(300).default([]),
    mediaRights: codes(30, "media right"),
    languages: z.array(z.string().trim().min(1).max(35)).max(50).default([]),
    start: isoDate,
    end: isoDate,
    exclusive: z.boolean({ error: "Say whether the grant is exclusive." }),
    holdbacks: z.array(holdbackSchema).max(20).default([]),
    editsPermitted: z.boolean().default(false),
    seasons: seasonNumbersSchema.default([]),
  })
  .refine((g) => g.start <= g.end, { error: "The window ends before it starts.", path: ["end"] })
  .meta({ id: "GrantInput" });
export type GrantInput = z.output<typeof grantInputSchema>;

export const dealVersionSchema = z.object({
  version: z.int().min(1).optional().meta({ description: "The version you last read; refused with 409 if the deal changed since." }),
});

export const terminateSchema = z.object({ reason: z.string().trim().min(1, { error: "Say why the deal ends." }).max(2000) });

export const DEAL_SORTS = ["updated", "name", "mg", "start"] as const;
export type DealSort = (typeof DEAL_SORTS)[number];
/** The order a sort takes when the query names none: newest first, names A–Z, largest MG first, latest window first. */
export const DEAL_SORT_DEFAULT_ORDER: Record<DealSort, "asc" | "desc"> = { updated: "desc", name: "asc", mg: "desc", start: "desc" };

export const dealListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: "Words in the deal's name, a title's name (any language) or the counterparty's name; case-insensitive." }),
  status: z.enum(DEAL_STATUSES).optional(),
  role: z.enum(["LICENSOR", "LICENSEE"]).optional(),
  counterpartyId: z.uuid().optional().meta({ description: "Deals with this organisation as the other party." }),
  titleId: z.uuid().optional(),
  sort: z.enum(DEAL_SORTS).default("updated").meta({
    description:
      "updated (last change), name, mg (minimum guarantee, in the deal's currency minor units; none last), start (the window's first day; no grants last).",
  }),
  order: z.enum(["asc", "desc"]).optional().meta({ description: "Default: desc for updated, mg and start; asc for name." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});
export type DealListQuery = z.output<typeof dealListQuerySchema>;

export const rightsHeldSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            territories: codes(300, "territory"),
            excludedTerritories: z.array(z.string().trim().min(1).max(20)).max(300).default([]),
            mediaRights: codes(30, "media right"),
            start: isoDate,
            end: isoDate.nullable(),
            exclusive: z.boolean(),
          })
          .refine((h) => h.end === null || h.start <= h.end, { error: "The window ends before it starts.", path: ["end"] }),
      )
      .max(100),
  })
  .meta({ id: "RightsHeld" });
export type RightsHeldInput = z.output<typeof rightsHeldSchema>;

const csv = (max: number) =>
  z
    .string()
    .max(4000)
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(20)).min(1).max(max));

export const availsQuerySchema = z
  .object({
    titleId: z.uuid().optional(),
    studioId: z.uuid().optional(),
    territories: csv(300).optional(),
    mediaRights: csv(30).optional(),
    start: isoDate,
    end: isoDate,
    exclusive: z.enum(["true", "false"]).default("true"),
    season: z.coerce
      .number({ error: "Use a season number: a whole number from 1." })
      .int({ error: "Use a season number: a whole number from 1." })
      .min(1, { error: "Use a season number: a whole number from 1." })
      .max(1000, { error: "Use season numbers up to 1000." })
      .optional()
      .meta({
        description: "For a series: answer for this season only (grants of other seasons do not block). Without it: the whole series.",
      }),
  })
  .refine((q) => q.start <= q.end, { error: "The window ends before it starts.", path: ["end"] });
export type AvailsQuery = z.output<typeof availsQuerySchema>;

// ---- Amendments to a signed deal -------------------------------------------------------------

export const AMENDMENT_STATUSES = ["DRAFT", "PROPOSED", "SIGNED", "WITHDRAWN"] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];
/** Terms that make the cumulative waterfall one formula: changing them needs a new deal. */
export const FIXED_TERMS = ["distributionFeePct", "shareTiers"] as const;

export const grantUpdateSchema = z
  .object({
    grantId: z.uuid({ error: "Name the grant to change." }),
    start: isoDate.optional(),
    end: isoDate.optional(),
    territories: codes(300, "territory").optional(),
    excludedTerritories: z.array(z.string().trim().min(1).max(20)).max(300).optional(),
    mediaRights: codes(30, "media right").optional(),
    exclusive: z.boolean().optional(),
    seasons: seasonNumbersSchema.optional(),
  })
  .meta({ id: "GrantUpdate", description: "The fields given replace the grant's; the others stay." });
export type GrantUpdate = z.output<typeof grantUpdateSchema>;

export const amendmentTermsSchema = z
  .object({
    minimumGuarantee: moneySchema.nullish(),
    instalments: z.array(instalmentSchema).max(50).optional(),
    expenseCap: moneySchema.nullish(),
    participants: z.array(participantSchema).max(100).optional(),
    // Accepted by the parser only to be refused by name (422): see FIXED_TERMS.
    distributionFeePct: z.unknown().optional().meta({ description: "Cannot be amended (422): a new deal is needed." }),
    shareTiers: z.unknown().optional().meta({ description: "Cannot be amended (422): a new deal is needed." }),
  })
  .meta({ id: "AmendmentTerms" });

export const amendmentChangesSchema = z
  .object({
    addGrants: z.array(grantInputSchema).max(200).optional(),
    removeGrantIds: z.array(z.uuid()).max(200).optional(),
    updateGrants: z.array(grantUpdateSchema).max(200).optional(),
    terms: amendmentTermsSchema.optional(),
  })
  .meta({ id: "AmendmentChanges" });
export type AmendmentChanges = z.output<typeof amendmentChangesSchema>;

export const amendmentInputSchema = z
  .object({
    effectiveOn: isoDate,
    note: z.string().trim().max(4000).nullish(),
    changes: amendmentChangesSchema,
  })
  .meta({ id: "AmendmentInput" });
export type AmendmentInput = z.output<typeof amendmentInputSchema>;

export const amendmentPatchSchema = z
  .object({
    version: z.int({ error: "Send the amendment's version as you last read it." }).min(1),
    effectiveOn: isoDate.optional(),
    note: z.string().trim().max(4000).nullish(),
    changes: amendmentChangesSchema.optional(),
  })
  .meta({ id: "AmendmentPatch" });
export type AmendmentPatch = z.output<typeof amendmentPatchSchema>;

export const renewalRequestSchema = z.object({ note: z.string().trim().max(4000).nullish() }).meta({ id: "RenewalRequest" });

export const amendmentParams = z.object({ id: z.uuid(), aid: z.uuid() });
