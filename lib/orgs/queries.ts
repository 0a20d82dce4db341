import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { sha256 } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import type { OrgKind } from "./schema";
import { orgTimeZone } from "./time-zone";

export async function listMembers(actor: Actor) {
  return db.membership.findMany({
    where: { organizationId: actor.org.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
      addedBy: { select: { id: true, name: true, email: true } },
    },
  });
}

export async function listPendingInvitations(actor: Actor) {
  return db.invitation.findMany({
    where: { organizationId: actor.org.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { name: true } } },
  });
}

/** What the invitation page may show to whoever holds the link. */
export async function findInvitationByToken(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true, kind: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) return null;
  const status = invitation.revokedAt
    ? "REVOKED"
    : invitation.acceptedAt
      ? "ACCEPTED"
      : invitation.expiresAt < new Date()
        ? "EXPIRED"
        : "PENDING";
  return { ...invitation, status } as const;
}

/**
 * Invitations waiting for this user's address, shown after login — only once the address is
 * verified (before that, anyone could have registered it). They are accepted through the
 * e-mailed link; the list only reminds.
 */
export async function listInvitationsForUser(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) return [];
  return db.invitation.findMany({
    where: { email: user.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, role: true, organization: { select: { name: true, kind: true } } },
  });
}

export async function listOrganizationsForPlatform() {
  return db.organization.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, homeCountry: true, createdAt: true, _count: { select: { memberships: true } } },
  });
}

/** Home-page figures every kind of organisation has; later domains add their own. */
export async function organizationFigures(actor: Actor) {
  const [members, pendingInvitations, apiKeys, auditEntries] = await Promise.all([
    db.membership.count({ where: { organizationId: actor.org.id } }),
    db.invitation.count({ where: { organizationId: actor.org.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
    db.apiKey.count({ where: { organizationId: actor.org.id, revokedAt: null } }),
    db.auditEntry.count({ where: { partyOrgIds: { has: actor.org.id } } }),
  ]);
  return { members, pendingInvitations, apiKeys, auditEntries };
}

/** Platform-wide counts for the PLATFORM dashboard: organisations by kind, and users who belong somewhere. */
export async function platformFigures() {
  const [byKind, users] = await Promise.all([
    db.organization.groupBy({ by: ["kind"], _count: { _all: true } }),
    db.user.count({ where: { memberships: { some: {} } } }),
  ]);
  const organizations: Record<OrgKind, number> = { STUDIO: 0, PARTNER: 0, FACILITY: 0, PLATFORM: 0, PROGRAMME: 0 };
  for (const row of byKind) organizations[row.kind] = row._count._all;
  return { organizations, totalOrganizations: byKind.reduce((sum, row) => sum + row._count._all, 0), users };
}

/** The active organisation's settings as the API and the settings page show them. */
export async function organizationSettings(actor: Actor) {
  const org = await db.organization.findUnique({
    where: { id: actor.org.id },
    select: { id: true, name: true, kind: true, homeCountry: true, timeZone: true },
  });
  if (!org) return null;
  return { ...org, effectiveTimeZone: orgTimeZone(org) };
}
