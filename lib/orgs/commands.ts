import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { can, canAssignRole } from "@/lib/auth/permissions";
import { type RegisterInput, type RegisterInvitedInput, registerInvitedSchema, registerSchema } from "@/lib/auth/schema";
import { newLinkToken, sha256 } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import { isUniqueViolation, lockRow, type Tx } from "@/lib/db/tx";
import { appUrl, enqueueEmail } from "@/lib/mail/outbox";
import { mailLocale } from "@/lib/mail/templates";
import { fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { sendVerificationEmail } from "./identity";
import { organizationSettings } from "./queries";
import type { OrgKind, RoleName, UpdateOrganizationData } from "./schema";

const INVITATION_DAYS = 14;

/** Self-service sign-up: a user and the STUDIO or PARTNER organisation they own. */
export async function registerWithOrganization(
  input: RegisterInput,
  requestId: string | null,
  locale: string | null = null,
): Promise<Result<{ user: { id: string; email: string }; organization: { id: string; name: string; kind: OrgKind } }, "EMAIL_TAKEN">> {
  const data = registerSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return ok(
      await db.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash, locale } });
        // The address is unproven until the person opens the link e-mailed here.
        await sendVerificationEmail(tx, user);
        const organization = await tx.organization.create({
          data: { ...data.organization, memberships: { create: { userId: user.id, role: "OWNER" } } },
        });
        const by = { userId: user.id, apiKeyId: null, organizationId: organization.id, requestId };
        await recordAudit(tx, by, {
          action: "organization.register",
          entityType: "Organization",
          entityId: organization.id,
          partyOrgIds: [organization.id],
          after: { name: organization.name, kind: organization.kind, homeCountry: organization.homeCountry, owner: user.email },
        });
        return {
          user: { id: user.id, email: user.email },
          organization: { id: organization.id, name: organization.name, kind: organization.kind },
        };
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      return fail("conflict", "EMAIL_TAKEN", "An account with this email already exists.", {
        errors: [{ path: "email", message: "An account with this email already exists." }],
      });
    }
    throw error;
  }
}

/**
 * Sign-up from an invitation link: creates the account with the invited email and joins the
 * inviting organisation in one transaction (how owners of FACILITY organisations get in).
 */
export async function registerWithInvitation(
  input: RegisterInvitedInput,
  requestId: string | null,
  locale: string | null = null,
): Promise<Result<{ user: { id: string; email: string }; organizationId: string }, "NOT_FOUND" | "EXPIRED" | "EMAIL_TAKEN">> {
  const data = registerInvitedSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({ where: { tokenHash: sha256(data.token) } });
      if (!invitation || invitation.revokedAt || invitation.acceptedAt) return notFound("Invitation");
      if (invitation.expiresAt < new Date()) return fail("invalid", "EXPIRED", "This invitation has expired. Ask for a new one.");
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count === 0) return notFound("Invitation");
      // The token came by e-mail to this address, so the address is proven.
      const user = await tx.user.create({
        data: { email: invitation.email, name: data.name, passwordHash, locale, emailVerifiedAt: new Date() },
      });
      const membership = await tx.membership.create({
        data: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role, addedById: invitation.invitedById },
      });
      await recordAudit(
        tx,
        { userId: user.id, apiKeyId: null, organizationId: invitation.organizationId, requestId },
        {
          action: "membership.create",
          entityType: "Membership",
          entityId: membership.id,
          partyOrgIds: [invitation.organizationId],
          after: { user: user.email, role: membership.role, invitationId: invitation.id, newAccount: true },
        },
      );
      return ok({ user: { id: user.id, email: user.email }, organizationId: invitation.organizationId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return fail("conflict", "EMAIL_TAKEN", "An account with the invited email already exists: log in and accept the invitation.");
    }
    throw error;
  }
}

export async function inviteMember(
  actor: Actor,
  input: { email: string; role: RoleName },
): Promise<Result<{ id: string; email: string; role: RoleName; expiresAt: Date }, "ALREADY_MEMBER" | "FORBIDDEN">> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "org.members.invite") || !actor.userId) return forbidden();
  if (!canAssignRole(actor.role, input.role)) return forbidden("Only an owner can invite another owner.");
  const inviterId = actor.userId;
  const existing = await db.membership.findFirst({
    where: { organizationId: actor.org.id, user: { email: input.email } },
    select: { id: true },
  });
  if (existing) {
    return fail("conflict", "ALREADY_MEMBER", "This person is already a member.", {
      errors: [{ path: "email", message: "This person is already a member." }],
    });
  }
  const token = newLinkToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  const invitation = await db.$transaction(async (tx) => {
    // A fresh invitation replaces any pending one for the same address.
    await tx.invitation.updateMany({
      where: { organizationId: actor.org.id, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        organizationId: actor.org.id,
        email: input.email,
        role: input.role,
        tokenHash: sha256(token),
        invitedById: inviterId,
        expiresAt,
      },
    });
    await recordAudit(tx, who(actor), {
      action: "invitation.create",
      entityType: "Invitation",
      entityId: created.id,
      partyOrgIds: [actor.org.id],
      after: { email: created.email, role: created.role, expiresAt: created.expiresAt },
    });
    // The link goes only to the invited mailbox: holding it proves the address.
    await emailInvitation(tx, { email: created.email, role: created.role, expiresAt, token, inviterId, organization: actor.org.name });
    return created;
  });
  return ok({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt });
}

/** The invitation e-mail, in the invitee's language when they have an account, else the inviter's. */
async function emailInvitation(
  tx: Tx,
  i: { email: string; role: RoleName; expiresAt: Date; token: string; inviterId: string; organization: string },
): Promise<void> {
  // One after the other: a transaction is one connection.
  const inviter = await tx.user.findUniqueOrThrow({ where: { id: i.inviterId }, select: { name: true, locale: true } });
  const invitee = await tx.user.findUnique({ where: { email: i.email }, select: { locale: true } });
  await enqueueEmail(tx, {
    to: i.email,
    locale: mailLocale(invitee?.locale ?? inviter.locale),
    template: "invitation",
    vars: { inviter: inviter.name, organization: i.organization, role: i.role, url: appUrl(`/invite/${i.token}`), expiresAt: i.expiresAt },
  });
}

export async function revokeInvitation(actor: Actor, invitationId: string): Promise<Result<null, "NOT_FOUND" | "FORBIDDEN">> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "org.members.invite")) return forbidden();
  return db.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id: invitationId, organizationId: actor.org.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (updated.count === 0) return notFound("Invitation");
    await recordAudit(tx, who(actor), {
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: invitationId,
      partyOrgIds: [actor.org.id],
    });
    return ok(null);
  });
}

/** Accepting needs a signed-in user whose email is the invited one. */
export async function acceptInvitation(
  user: { id: string; email: string },
  token: string,
  requestId: string | null,
): Promise<Result<{ organizationId: string }, "NOT_FOUND" | "EXPIRED" | "WRONG_ACCOUNT">> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: sha256(token) } });
    if (!invitation || invitation.revokedAt || invitation.acceptedAt) return notFound("Invitation");
    if (invitation.expiresAt < new Date()) return fail("invalid", "EXPIRED", "This invitation has expired. Ask for a new one.");
    if (invitation.email !== user.email) {
      return fail("forbidden", "WRONG_ACCOUNT", `This invitation is for ${invitation.email}. Sign in with that account.`);
    }
    // Claim the invitation atomically so a double click cannot create two memberships.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) return notFound("Invitation");
    const membership = await tx.membership.upsert({
      where: { userId_organizationId: { userId: user.id, organizationId: invitation.organizationId } },
      create: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role, addedById: invitation.invitedById },
      update: {},
    });
    // The token was e-mailed to this address: holding it proves the mailbox.
    await tx.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    await recordAudit(
      tx,
      { userId: user.id, apiKeyId: null, organizationId: invitation.organizationId, requestId },
      {
        action: "membership.create",
        entityType: "Membership",
        entityId: membership.id,
        partyOrgIds: [invitation.organizationId],
        after: { user: user.email, role: membership.role, invitationId: invitation.id },
      },
    );
    return ok({ organizationId: invitation.organizationId });
  });
}

type MemberChange = Result<null, "NOT_FOUND" | "FORBIDDEN" | "LAST_OWNER">;

async function ownersLeft(tx: Tx, organizationId: string, excludingMembershipId: string) {
  return tx.membership.count({ where: { organizationId, role: "OWNER", id: { not: excludingMembershipId } } });
}

// Serialises membership changes per organisation, so two owners demoting each other at the same
// moment cannot leave the organisation without an owner.
function lockOrganization(tx: Tx, organizationId: string) {
  return lockRow(tx, "organization", organizationId);
}

/** Under the organisation lock, the acting user must still be an owner (they may just have been demoted). */
async function stillOwner(tx: Tx, actor: Actor): Promise<boolean> {
  if (!actor.userId) return false;
  const me = await tx.membership.findUnique({
    where: { userId_organizationId: { userId: actor.userId, organizationId: actor.org.id } },
    select: { role: true },
  });
  return me?.role === "OWNER";
}

export async function changeMemberRole(actor: Actor, membershipId: string, role: RoleName): Promise<MemberChange> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "org.members.manage")) return forbidden("Only owners change roles.");
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.org.id);
    if (!(await stillOwner(tx, actor))) return forbidden("Only owners change roles.");
    const member = await tx.membership.findFirst({
      where: { id: membershipId, organizationId: actor.org.id },
      include: { user: { select: { email: true } } },
    });
    if (!member) return notFound("Member");
    if (member.role === role) return ok(null);
    if (member.role === "OWNER" && (await ownersLeft(tx, actor.org.id, member.id)) === 0) {
      return fail("conflict", "LAST_OWNER", "An organisation needs at least one owner.");
    }
    await tx.membership.update({ where: { id: member.id }, data: { role } });
    await recordAudit(tx, who(actor), {
      action: "membership.role_change",
      entityType: "Membership",
      entityId: member.id,
      partyOrgIds: [actor.org.id],
      before: { user: member.user.email, role: member.role },
      after: { user: member.user.email, role },
    });
    return ok(null);
  });
}

export async function removeMember(actor: Actor, membershipId: string): Promise<MemberChange> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "org.members.manage")) return forbidden("Only owners remove members.");
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.org.id);
    if (!(await stillOwner(tx, actor))) return forbidden("Only owners remove members.");
    const member = await tx.membership.findFirst({
      where: { id: membershipId, organizationId: actor.org.id },
      include: { user: { select: { email: true } } },
    });
    if (!member) return notFound("Member");
    if (member.role === "OWNER" && (await ownersLeft(tx, actor.org.id, member.id)) === 0) {
      return fail("conflict", "LAST_OWNER", "An organisation needs at least one owner.");
    }
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit(tx, who(actor), {
      action: "membership.remove",
      entityType: "Membership",
      entityId: member.id,
      partyOrgIds: [actor.org.id],
      before: { user: member.user.email, role: member.role },
    });
    return ok(null);
  });
}

/** Invalidates every session of the user, this one included. */
export async function logoutEverywhere(actor: Actor): Promise<Result<null>> {
  if (!actor.userId) return forbidden("Only a signed-in user can do this.");
  const userId = actor.userId;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, who(actor), {
      action: "user.logout_everywhere",
      entityType: "User",
      entityId: userId,
      partyOrgIds: [actor.org.id],
    });
  });
  return ok(null);
}

export async function setUserLocale(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

/** Platform admins create FACILITY and PLATFORM organisations (and any other kind). */
export async function createOrganizationAsPlatform(
  actor: Actor,
  input: { name: string; kind: OrgKind; homeCountry: string; ownerEmail: string },
): Promise<Result<{ id: string; invitationToken: string | null }, "FORBIDDEN">> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "platform.organizations.manage") || !actor.userId) return forbidden();
  const inviterId = actor.userId;
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { name: input.name, kind: input.kind, homeCountry: input.homeCountry } });
    const owner = await tx.user.findUnique({ where: { email: input.ownerEmail }, select: { id: true } });
    let invitationToken: string | null = null;
    if (owner) {
      await tx.membership.create({ data: { userId: owner.id, organizationId: organization.id, role: "OWNER", addedById: inviterId } });
    } else {
      invitationToken = newLinkToken();
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
      await emailInvitation(tx, {
        email: input.ownerEmail,
        role: "OWNER",
        expiresAt,
        token: invitationToken,
        inviterId,
        organization: organization.name,
      });
      await tx.invitation.create({
        data: {
          organizationId: organization.id,
          email: input.ownerEmail,
          role: "OWNER",
          tokenHash: sha256(invitationToken),
          invitedById: inviterId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
        },
      });
    }
    await recordAudit(tx, who(actor), {
      action: "organization.create",
      entityType: "Organization",
      entityId: organization.id,
      partyOrgIds: [organization.id, actor.org.id],
      after: { name: organization.name, kind: organization.kind, homeCountry: organization.homeCountry, owner: input.ownerEmail },
    });
    return ok({ id: organization.id, invitationToken });
  });
}

/**
 * PATCH /organization: owners change the active organisation's settings (its time zone: due dates
 * and the 09:00 reminders follow it). Audited with the value before and after; only the acting
 * organisation's row is touched.
 */
export async function updateOrganization(
  actor: Actor,
  input: UpdateOrganizationData,
): Promise<Result<NonNullable<Awaited<ReturnType<typeof organizationSettings>>>, "FORBIDDEN" | "NOT_FOUND">> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "org.settings.manage")) {
    return forbidden("Only owners change the organisation's settings.");
  }
  const changed = await db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: actor.org.id }, select: { timeZone: true } });
    if (!before) return false;
    if (input.timeZone === undefined || input.timeZone === before.timeZone) return true;
    await tx.organization.update({ where: { id: actor.org.id }, data: { timeZone: input.timeZone } });
    await recordAudit(tx, who(actor), {
      action: "organization.update",
      entityType: "Organization",
      entityId: actor.org.id,
      partyOrgIds: [actor.org.id],
      before: { timeZone: before.timeZone },
      after: { timeZone: input.timeZone },
    });
    return true;
  });
  const settings = changed ? await organizationSettings(actor) : null;
  return settings ? ok(settings) : notFound("Organization");
}
