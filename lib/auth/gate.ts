import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { NextRequest } from "next/server";
import { getToken, type JWT } from "next-auth/jwt";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { loginPathFor, PATH_HEADER } from "@/lib/http/safe-callback";
import type { OrgKind, RoleName } from "@/lib/orgs/schema";
import { type Actor, createActor } from "./actor";
import { authSecret, useSecureCookies } from "./options";
import { can, type Permission } from "./permissions";

export type SessionContext = {
  actor: Actor;
  user: { id: string; email: string; name: string; locale: string | null; emailVerified: boolean };
  organizations: { id: string; name: string; kind: OrgKind; role: RoleName }[];
};

export function readSessionToken(req: NextRequest): Promise<JWT | null> {
  return getToken({ req, secret: authSecret(), secureCookie: useSecureCookies });
}

/**
 * Turns a session token into an actor, checking the database on every request: a bumped
 * sessionVersion (log out everywhere), a removed membership or a changed role takes effect at
 * once although the token itself is a stateless JWT. A token whose active organisation is no
 * longer the user's falls back to the user's oldest remaining membership.
 */
export async function actorFromToken(token: JWT | null, requestId: string): Promise<SessionContext | null> {
  if (!token?.sub || typeof token.sv !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: token.sub },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      sessionVersion: true,
      emailVerifiedAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, organization: { select: { id: true, name: true, kind: true, homeCountry: true } } },
      },
    },
  });
  if (!user || user.sessionVersion !== token.sv) return null;
  const active = user.memberships.find((m) => m.organization.id === token.org) ?? user.memberships[0];
  if (!active) return null;
  return {
    actor: createActor({ userId: user.id, apiKeyId: null, org: active.organization, role: active.role, requestId }),
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, emailVerified: user.emailVerifiedAt !== null },
    organizations: user.memberships.map((m) => ({ ...m.organization, role: m.role })),
  };
}

/** The session of the current request (server components and server actions), once per request. */
export const getSession = cache(async (): Promise<SessionContext | null> => {
  const h = await headers();
  const req = new NextRequest("http://internal/", { headers: h });
  const requestId = h.get("x-request-id") ?? randomUUID();
  return actorFromToken(await readSessionToken(req), requestId);
});

/**
 * A signed-in person whether or not they belong to any organisation (someone removed from their
 * only organisation, or about to accept an invitation). Same revocation checks as the session.
 */
export async function userFromToken(token: JWT | null): Promise<SessionContext["user"] | null> {
  if (!token?.sub || typeof token.sv !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: token.sub },
    select: { id: true, email: true, name: true, locale: true, sessionVersion: true, emailVerifiedAt: true },
  });
  if (!user || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, emailVerified: user.emailVerifiedAt !== null };
}

export const getSignedInUser = cache(async () => {
  const req = new NextRequest("http://internal/", { headers: await headers() });
  return userFromToken(await readSessionToken(req));
});

/**
 * For pages: the session, or off to the login page with the page as `callbackUrl`, so logging in
 * lands back on it (or, signed in without an organisation, to /welcome).
 */
export async function requireSession(): Promise<SessionContext> {
  const session = await getSession();
  if (session) return session;
  if (await getSignedInUser()) redirect("/welcome");
  redirect(loginPathFor((await headers()).get(PATH_HEADER)));
}

/** For pages that need a permission: without it the page does not exist for this user. */
export async function requirePermission(permission: Permission): Promise<SessionContext> {
  const session = await requireSession();
  if (!can({ role: session.actor.role, orgKind: session.actor.org.kind }, permission)) {
    notFound();
  }
  return session;
}
