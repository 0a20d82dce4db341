import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { apiKeySchema, createApiKeySchema, createdApiKeySchema } from "@/lib/api-keys/schema";
import { auditEntrySchema, auditQuerySchema } from "@/lib/audit/schema";
import {
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  registerInvitedSchema,
  registerSchema,
  verifyEmailSchema,
} from "@/lib/auth/schema";
import {
  acceptInvitationSchema,
  changeRoleSchema,
  createOrganizationSchema,
  invitationSchema,
  inviteSchema,
  memberSchema,
  meSchema,
  organizationSettingsSchema,
  registeredSchema,
  updateOrganizationSchema,
} from "@/lib/orgs/schema";
import { paginated, paginationQuery } from "./pagination";
import { errorResponses, idParams } from "./schemas";

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, ...jsonBody(schema) });

export function registerFoundationPaths(r: OpenAPIRegistry) {
  r.registerPath({
    method: "post",
    path: "/api/v1/auth/register",
    tags: ["Accounts"],
    summary: "Sign up: create a user and the STUDIO or PARTNER organisation they own; e-mails a verification link",
    security: [],
    request: { body: jsonBody(registerSchema) },
    responses: { 201: ok("Created.", registeredSchema), ...errorResponses(400, 409, 415, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/auth/register-invited",
    tags: ["Accounts"],
    summary: "Sign up from an invitation link: the account joins the inviting organisation (e.g. a FACILITY)",
    security: [],
    request: { body: jsonBody(registerInvitedSchema) },
    responses: {
      201: ok("Created.", z.object({ user: z.object({ id: z.uuid(), email: z.string() }), organizationId: z.uuid() })),
      ...errorResponses(400, 404, 409, 415, 422),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/auth/verify-email",
    tags: ["Accounts"],
    summary: "Verify an e-mail address with the token from the e-mailed link (single use, 24 h)",
    security: [],
    request: { body: jsonBody(verifyEmailSchema) },
    responses: {
      200: ok("Verified.", z.object({ email: z.string(), emailVerified: z.literal(true) })),
      ...errorResponses(400, 415, 422),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/auth/resend-verification",
    tags: ["Accounts"],
    summary: "E-mail a new verification link to the signed-in person (a few an hour)",
    responses: {
      202: ok("Sent.", z.object({ sentTo: z.string() })),
      ...errorResponses(401, 403, 409, 429),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/auth/password-reset",
    tags: ["Accounts"],
    summary: "Ask for a password-reset link; always 202 (a known address gets an e-mail, valid 1 h)",
    security: [],
    request: { body: jsonBody(passwordResetRequestSchema) },
    responses: {
      202: { description: "Accepted, whether or not the address is known." },
      ...errorResponses(400, 415, 422, 429),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/auth/password-reset/confirm",
    tags: ["Accounts"],
    summary: "Set a new password with the e-mailed token; ends every session and verifies the address",
    security: [],
    request: { body: jsonBody(passwordResetConfirmSchema) },
    responses: { 200: ok("Password changed.", z.object({ email: z.string() })), ...errorResponses(400, 415, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/auth/logout-everywhere",
    tags: ["Accounts"],
    summary: "Revoke every session of the signed-in user",
    responses: { 204: { description: "All sessions revoked." }, ...errorResponses(401, 403) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/me",
    tags: ["Accounts"],
    summary: "The caller, its active organisation and role, and all its organisations",
    responses: { 200: ok("The caller.", meSchema), ...errorResponses(401) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/organization",
    tags: ["Organisations"],
    summary: "The active organisation's settings, with the time zone its dates and reminders use",
    responses: { 200: ok("The settings.", organizationSettingsSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "patch",
    path: "/api/v1/organization",
    tags: ["Organisations"],
    summary: "Change the active organisation's settings (owners only; audited): its IANA time zone, or null for the home country's",
    request: { body: jsonBody(updateOrganizationSchema) },
    responses: { 200: ok("The settings.", organizationSettingsSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/api-keys",
    tags: ["API keys"],
    summary: "Active API keys of the organisation (never the secrets)",
    request: { query: paginationQuery },
    responses: { 200: ok("A page of keys.", paginated(apiKeySchema, "ApiKeyPage")), ...errorResponses(401, 403, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/api-keys",
    tags: ["API keys"],
    summary: "Create an API key bound to the active organisation; the key is shown once",
    request: { body: jsonBody(createApiKeySchema) },
    responses: { 201: ok("Created.", createdApiKeySchema), ...errorResponses(400, 401, 403, 415, 422) },
  });
  r.registerPath({
    method: "delete",
    path: "/api/v1/api-keys/{id}",
    tags: ["API keys"],
    summary: "Revoke an API key",
    request: { params: idParams },
    responses: { 204: { description: "Revoked." }, ...errorResponses(401, 403, 404) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/members",
    tags: ["Members"],
    summary: "Members of the active organisation",
    responses: { 200: ok("Members.", paginated(memberSchema, "MemberPage")), ...errorResponses(401) },
  });
  r.registerPath({
    method: "patch",
    path: "/api/v1/members/{id}",
    tags: ["Members"],
    summary: "Change a member's role (owners only; the last owner cannot be demoted)",
    request: { params: idParams, body: jsonBody(changeRoleSchema) },
    responses: { 200: ok("Changed.", z.object({ id: z.uuid(), role: z.string() })), ...errorResponses(400, 401, 403, 404, 409, 422) },
  });
  r.registerPath({
    method: "delete",
    path: "/api/v1/members/{id}",
    tags: ["Members"],
    summary: "Remove a member (owners only); their sessions lose access at once",
    request: { params: idParams },
    responses: { 204: { description: "Removed." }, ...errorResponses(401, 403, 404, 409) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/invitations",
    tags: ["Members"],
    summary: "Pending invitations",
    responses: { 200: ok("Invitations.", paginated(invitationSchema, "InvitationPage")), ...errorResponses(401, 403) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/invitations",
    tags: ["Members"],
    summary: "Invite someone by email with a role; the link is e-mailed to that address only",
    request: { body: jsonBody(inviteSchema) },
    responses: {
      201: ok("Invited; the invitation e-mail is on its way.", invitationSchema),
      ...errorResponses(400, 401, 403, 409, 415, 422),
    },
  });
  r.registerPath({
    method: "delete",
    path: "/api/v1/invitations/{id}",
    tags: ["Members"],
    summary: "Revoke a pending invitation",
    request: { params: idParams },
    responses: { 204: { description: "Revoked." }, ...errorResponses(401, 403, 404) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/invitations/accept",
    tags: ["Members"],
    summary: "Accept an invitation as the signed-in user it was sent to",
    request: { body: jsonBody(acceptInvitationSchema) },
    responses: { 200: ok("Joined.", z.object({ organizationId: z.uuid() })), ...errorResponses(400, 401, 403, 404, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/audit",
    tags: ["Audit"],
    summary: "Audit trail of records the organisation is a party to (owners and admins)",
    request: { query: auditQuerySchema },
    responses: { 200: ok("A page of entries, newest first.", paginated(auditEntrySchema, "AuditPage")), ...errorResponses(401, 403, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/organizations",
    tags: ["Platform"],
    summary: "All organisations (platform admins)",
    responses: { 200: { description: "Organisations." }, ...errorResponses(401, 403) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/organizations",
    tags: ["Platform"],
    summary: "Create an organisation of any kind, e.g. a FACILITY (platform admins)",
    request: { body: jsonBody(createOrganizationSchema) },
    responses: { 201: { description: "Created." }, ...errorResponses(400, 401, 403, 415, 422) },
  });
}
