import { z } from "zod";

export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScopeName = (typeof API_KEY_SCOPES)[number];

export const apiKeyScopeSchema = z
  .enum(API_KEY_SCOPES, { error: "Choose read or write." })
  .meta({ description: "read: GET only; write: also changes, with MEMBER rights. Keys made before scopes are write." });

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, { error: "Give the key a name." }).max(100, { error: "Use at most 100 characters." }),
  scope: apiKeyScopeSchema.default("read"),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "First characters of the key, to tell keys apart." }),
    scope: apiKeyScopeSchema,
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiKey" });

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().meta({ description: "The secret. Shown once; only its hash is stored." }) })
  .meta({ id: "CreatedApiKey" });
