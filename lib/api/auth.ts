import "server-only";
import type { NextRequest } from "next/server";
import { findActiveKey } from "@/lib/api-keys/queries";
import { API_KEY_ROLE, createActor } from "@/lib/auth/actor";
import { actorFromToken, readSessionToken, type SessionContext } from "@/lib/auth/gate";

export type ApiCaller =
  | { via: "session"; session: SessionContext }
  | { via: "apiKey"; scope: "READ" | "WRITE"; session: Omit<SessionContext, "user"> & { user: null } };

/**
 * Who is calling: `Authorization: Bearer <api key>` (keys belong to one organisation) or the
 * session cookie. "invalid" means credentials were presented but are wrong or revoked.
 */
export async function authenticate(req: NextRequest, requestId: string): Promise<ApiCaller | "invalid" | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) return "invalid";
    const key = await findActiveKey(match[1]);
    if (!key) return "invalid";
    const actor = createActor({ userId: null, apiKeyId: key.id, org: key.organization, role: API_KEY_ROLE, requestId });
    return {
      via: "apiKey",
      scope: key.scope,
      session: { actor, user: null, organizations: [{ ...key.organization, role: API_KEY_ROLE }] },
    };
  }
  const session = await actorFromToken(await readSessionToken(req), requestId);
  return session ? { via: "session", session } : null;
}
