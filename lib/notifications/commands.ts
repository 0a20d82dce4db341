import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma, Role } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tx";
import { enqueueEmail } from "@/lib/mail/outbox";
import { type MailLocale, type MailMessage, mailLocale } from "@/lib/mail/templates";
import { fail, ok, type Result } from "@/lib/result";
import type { MarkReadData, NotificationKind } from "./schema";

export type NotificationEvent = {
  /** The receiving organisation: every member of it gets a copy. */
  orgId: string;
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  /** Values the message needs (names, statuses); plain JSON. */
  params?: Record<string, string | number | boolean | null>;
  /** In-app path the notification opens. */
  href: string;
  /** The person who caused the event is not told about it. */
  exceptUserId?: string | null;
};

/**
 * Fans one event out to every member of the receiving organisation, inside the caller's
 * transaction, so a notification exists if and only if the change it announces was committed.
 * Returns how many were written.
 */
export async function notifyOrganization(tx: Tx, event: NotificationEvent): Promise<number> {
  const members = await tx.membership.findMany({ where: { organizationId: event.orgId }, select: { userId: true } });
  const userIds = members.map((m) => m.userId).filter((id) => id !== event.exceptUserId);
  if (userIds.length === 0) return 0;
  const created = await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      orgId: event.orgId,
      kind: event.kind,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      params: event.params ?? {},
      href: event.href,
    })),
  });
  return created.count;
}

export type PersonalNotice = Omit<NotificationEvent, "exceptUserId"> & {
  /** Only members with these roles (e.g. the owners and admins who should act). */
  roles: readonly Role[];
  /** The e-mail for one member, in their language (their `locale`, else English). */
  email: (person: { name: string; locale: MailLocale }) => MailMessage;
};

/**
 * Tells each member of `orgId` with one of `roles` in-app and by e-mail (through the outbox),
 * inside the caller's transaction: both exist if and only if the caller commits. Returns who
 * was told. The one function reminders and event notifications go through.
 */
export async function notifyAndEmail(tx: Tx, notice: PersonalNotice): Promise<{ userIds: string[]; emails: number }> {
  const members = await tx.membership.findMany({
    where: { organizationId: notice.orgId, role: { in: [...notice.roles] } },
    select: { user: { select: { id: true, email: true, name: true, locale: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (members.length === 0) return { userIds: [], emails: 0 };
  await tx.notification.createMany({
    data: members.map((m) => ({
      userId: m.user.id,
      orgId: notice.orgId,
      kind: notice.kind,
      subjectType: notice.subjectType,
      subjectId: notice.subjectId,
      params: notice.params ?? {},
      href: notice.href,
    })),
  });
  for (const { user } of members) {
    const locale = mailLocale(user.locale);
    await enqueueEmail(tx, { ...notice.email({ name: user.name, locale }), to: user.email, locale });
  }
  return { userIds: members.map((m) => m.user.id), emails: members.length };
}

const personOnly = () => fail("forbidden", "PEOPLE_ONLY", "Notifications belong to people: sign in to read them (API keys have none).");

/**
 * Marks the acting user's notifications in the active organisation read: the given ids (others'
 * ids are ignored, never reported) or all. Returns how many changed.
 */
export async function markNotificationsRead(actor: Actor, data: MarkReadData): Promise<Result<{ updated: number }>> {
  if (!actor.userId) return personOnly();
  const where: Prisma.NotificationWhereInput = { userId: actor.userId, orgId: actor.org.id, readAt: null };
  if ("ids" in data) where.id = { in: data.ids };
  const result = await db.notification.updateMany({ where, data: { readAt: new Date() } });
  return ok({ updated: result.count });
}
