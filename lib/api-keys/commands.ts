import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { refusePerson } from "@/lib/auth/person";
import { sha256 } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import { forbidden, notFound, ok, type Result } from "@/lib/result";
import type { CreateApiKeyInput } from "./schema";

export const API_KEY_PREFIX = "rb_";

export async function createApiKey(actor: Actor, input: CreateApiKeyInput) {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "org.apiKeys.manage") || !actor.userId) return forbidden();
  const unverified = await refusePerson(actor, "Creating an API key");
  if (unverified) return unverified;
  const createdById = actor.userId;
  const scope = input.scope === "write" ? "WRITE" : "READ";
  // 24 random bytes = 192 bits: guessing is hopeless, so a fast hash is enough to store it.
  const key = `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { organizationId: actor.org.id, name: input.name.trim(), prefix: key.slice(0, 10), keyHash: sha256(key), createdById, scope },
    });
    await recordAudit(tx, who(actor), {
      action: "api_key.create",
      entityType: "ApiKey",
      entityId: created.id,
      partyOrgIds: [actor.org.id],
      after: { name: created.name, prefix: created.prefix, scope: created.scope },
    });
    return created;
  });
  return ok({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    key,
  });
}

export async function revokeApiKey(actor: Actor, id: string): Promise<Result<null, "NOT_FOUND" | "FORBIDDEN">> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "org.apiKeys.manage")) return forbidden();
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({
      where: { id, organizationId: actor.org.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) return notFound("API key");
    await recordAudit(tx, who(actor), { action: "api_key.revoke", entityType: "ApiKey", entityId: id, partyOrgIds: [actor.org.id] });
    return ok(null);
  });
}
