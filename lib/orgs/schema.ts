import countries from "i18n-iso-countries";
import { z } from "zod";

export const ORG_KINDS = ["STUDIO", "PARTNER", "FACILITY", "PLATFORM"] as const;
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
