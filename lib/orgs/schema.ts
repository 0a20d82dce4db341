import countries from "i18n-iso-countries";
import { z } from "zod";
import { isSelectableTimeZone } from "./time-zone";

export const ORG_KINDS = ["STUDIO", "PARTNER", "FACILITY", "PLATFORM", "PROGRAMME"] as const;
export const ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export type RoleName = (typeof ROLES)[number];

/** ISO 3166-1 alpha-2, validated against the maintained list in i18n-iso-countries. */
export const countryCode = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine((c) => c.length === 2 && countries.isValid(c), { error: "Choose a country (ISO 3166-1 alpha-2 code)." });

export const roleSchema = z.enum(ROLES, { error: "Choose a role: OWNER, ADMIN, MEMBER or VIEWER." });

export const inviteSchema = z.object({
  email: z
    .email({ error: "Enter a valid email address." })
    .max(320)
    .transform((e) => e.trim().toLowerCase()),
  role: roleSchema,
});
export type InviteInput = z.input<typeof inviteSchema>;

export const changeRoleSchema = z.object({ role: roleSchema });

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ORG_KINDS),
  homeCountry: countryCode,
  ownerEmail: z.email().transform((e) => e.trim().toLowerCase()),
});

/**
 * PATCH /organization: the active organisation's settings (owners only). `timeZone` is an IANA zone,
 * or null (or "") for the main zone of the home country.
 */
export const updateOrganizationSchema = z
  .object({
    timeZone: z
      .string()
      .trim()
      .max(64)
      .transform((v) => (v === "" ? null : v))
      .refine((v) => v === null || isSelectableTimeZone(v), { error: "Choose an IANA time zone, e.g. Asia/Shanghai." })
      .nullable()
      .optional()
      .meta({ description: "IANA time zone (e.g. Asia/Shanghai); null for the main zone of the home country." }),
  })
  .strict();
export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;
export type UpdateOrganizationData = z.output<typeof updateOrganizationSchema>;

// ---- API shapes ----------------------------------------------------------------------------

export const orgKindSchema = z.enum(ORG_KINDS).meta({ id: "OrgKind" });

export const organizationRefSchema = z.object({ id: z.uuid(), name: z.string(), kind: orgKindSchema }).meta({ id: "OrganizationRef" });

export const membershipOrgSchema = organizationRefSchema.extend({ role: roleSchema }).meta({ id: "MyOrganization" });

export const meSchema = z
  .object({
    user: z
      .object({
        id: z.uuid(),
        email: z.string(),
        name: z.string(),
        emailVerified: z.boolean().meta({ description: "Whether the person proved their address (link e-mailed at sign-up)." }),
      })
      .nullable()
      .meta({
        description: "null when the caller is an API key.",
      }),
    activeOrganization: membershipOrgSchema.extend({ homeCountry: z.string() }),
    organizations: z.array(membershipOrgSchema),
  })
  .meta({ id: "Me" });

export const memberSchema = z
  .object({
    id: z.uuid(),
    role: roleSchema,
    createdAt: z.iso.datetime().meta({ description: "When the person joined." }),
    user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    addedBy: z
      .object({ id: z.uuid(), name: z.string(), email: z.string() })
      .nullable()
      .meta({ description: "Who let them in (the inviter); null for the founder or a seeded member." }),
  })
  .meta({ id: "Member" });

export const invitationSchema = z
  .object({ id: z.uuid(), email: z.string(), role: roleSchema, expiresAt: z.iso.datetime() })
  .meta({ id: "Invitation" });

export const acceptInvitationSchema = z.object({ token: z.string().min(10).max(200) });

export const registeredSchema = z
  .object({ user: z.object({ id: z.uuid(), email: z.string() }), organization: organizationRefSchema })
  .meta({ id: "Registered" });

export const organizationSettingsSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: orgKindSchema,
    homeCountry: z.string(),
    timeZone: z.string().nullable().meta({ description: "The zone the owners set; null: the home country's main zone." }),
    effectiveTimeZone: z.string().meta({ description: "The zone due dates and the 09:00 reminders use." }),
  })
  .meta({ id: "OrganizationSettings" });
