import { z } from "zod";
import { countryCode } from "@/lib/orgs/schema";

/** ASVS 2.1.1/2.1.2: at least 12 characters, up to 128, any characters allowed. */
export const passwordSchema = z
  .string()
  .min(12, { error: "Use at least 12 characters." })
  .max(128, { error: "Use at most 128 characters." });

export const emailSchema = z
  .email({ error: "Enter a valid email address." })
  .max(320)
  .transform((e) => e.trim().toLowerCase());

export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, { error: "Enter your name." }).max(200),
  organization: z.object({
    name: z.string().trim().min(2, { error: "Enter the organisation's name." }).max(200),
    /** Self-service sign-up creates studios and partners; facilities and platform orgs are created by platform admins. */
    kind: z.enum(["STUDIO", "PARTNER"], { error: "Choose STUDIO or PARTNER." }),
    homeCountry: countryCode,
  }),
});
export type RegisterInput = z.input<typeof registerSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Enter your password." }).max(128),
});
export type LoginInput = z.input<typeof loginSchema>;

/** Sign-up through an invitation: the account joins the inviting organisation; the email is the invited one. */
export const registerInvitedSchema = z.object({
  token: z.string().min(10).max(200),
  password: passwordSchema,
  name: z.string().trim().min(1, { error: "Enter your name." }).max(200),
});
export type RegisterInvitedInput = z.input<typeof registerInvitedSchema>;

/** A token from an e-mailed link (verification, password reset): 32 random bytes in base64url. */
const linkToken = z.string().trim().min(20, { error: "This link is incomplete." }).max(200, { error: "This link is not valid." });

export const verifyEmailSchema = z.object({ token: linkToken });

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export type PasswordResetRequestInput = z.input<typeof passwordResetRequestSchema>;

export const passwordResetConfirmSchema = z.object({ token: linkToken, password: passwordSchema });
export type PasswordResetConfirmInput = z.input<typeof passwordResetConfirmSchema>;
