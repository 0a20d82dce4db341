"use client";

import { getCsrfToken } from "next-auth/react";

/**
 * Default organisation switch: asks next-auth to update the session (POST /api/auth/session, what
 * `useSession().update()` sends, without needing a SessionProvider). The jwt callback accepts the
 * id only for an organisation the user belongs to, so the answer is checked rather than trusted.
 */
export async function switchOrganizationInSession(orgId: string): Promise<{ ok: boolean }> {
  const csrfToken = await getCsrfToken();
  const res = await fetch("/api/auth/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ csrfToken, data: { activeOrganizationId: orgId } }),
  });
  if (!res.ok) return { ok: false };
  const session: unknown = await res.json();
  const active = session && typeof session === "object" && "activeOrganizationId" in session ? session.activeOrganizationId : undefined;
  return { ok: active === orgId };
}

/** Shell actions may answer nothing (success) or an ActionResult; only an explicit `ok: false` is a failure. */
export function answeredNotOk(result: unknown): boolean {
  return typeof result === "object" && result !== null && "ok" in result && result.ok === false;
}
