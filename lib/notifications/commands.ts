import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma, Role } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tx";
import { enqueueEmail } from "@/lib/mail/outbox";
import { type MailLocale, type MailMessage, mailLocale } from "@/lib/mail/templates";
import { ok, type Result } from "@/lib/result";
import { deliverNotification, type Notice } from "./deliver";
import { personOnly } from "./people";
import { deliveryFor, resolvePreferences } from "./rules";
import type { MarkReadData, NotificationPreference, PutNotificationPreferences } from "./schema";

export type NotificationEvent = Omit<Notice, "userIds" | "roles">;

/**
 * Fans one event out to every member of the receiving organisation (the actor excepted), inside
 * the caller's transaction: deliverNotification with no narrowing. Returns how many in-app
 * notifications were written.
 */
export async function notifyOrganization(tx: Tx, event: NotificationEvent): Promise<number> {
  return (await deliverNotification(tx, event)).inApp;
}

export type PersonalNotice = Omit<NotificationEvent, "exceptUserId"> & {
  /** Only members with these roles (e.g. the owners and admins who should act). */
  roles: readonly Role[];
  /**
   * The preference kind the reader chose a delivery for (an obligation kind for reminders):
   * in-app or not; e-mail at once, in the daily digest (`digestParams`: the params the digest's
   * sentence reads) or not at all. E-mail goes to verified addresses only.
   */
  preferenceKind: string;
  digestParams: Record<string, string | number | boolean | null | string[]>;
  /** The e-mail for one member, in their language (their `locale`, else English). */
  email: (person: { name: string; locale: MailLocale }) => MailMessage;
};

/**
 * Tells each member of `orgId` with one of `roles`, each as they chose for `preferenceKind`:
 * in-app, and by e-mail now (through the outbox, the notice's own message) or in the digest,
 * inside the caller's transaction: all exist if and only if the caller commits. Returns who was
 * told and how many e-mails were queued. Reminders go through it.
 */
export async function notifyAndEmail(tx: Tx, notice: PersonalNotice): Promise<{ userIds: string[]; emails: number }> {
  const members = await tx.membership.findMany({
    where: { organizationId: notice.orgId, role: { in: [...notice.roles] } },
    select: { user: { select: { id: true, email: true, name: true, locale: true, emailVerifiedAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (members.length === 0) return { userIds: [], emails: 0 };
  const stored = await tx.notificationPreference.findMany({
    where: { kind: notice.preferenceKind, userId: { in: members.map((m) => m.user.id) } },
    select: { userId: true, email: true, inApp: true },
  });
  const prefs = new Map(stored.map((p) => [p.userId, p]));
  const told: string[] = [];
  let emails = 0;
  for (const { user } of members) {
    const delivery = deliveryFor(notice.preferenceKind, prefs.get(user.id), { emailVerified: user.emailVerifiedAt !== null });
    if (!delivery.inApp && delivery.email === "OFF") continue;
    told.push(user.id);
    if (delivery.inApp)
      await tx.notification.create({
        data: {
          userId: user.id,
          orgId: notice.orgId,
          kind: notice.kind,
          subjectType: notice.subjectType,
          subjectId: notice.subjectId,
          params: notice.params ?? {},
          href: notice.href,
        },
      });
    if (delivery.email === "DAILY_DIGEST")
      await tx.notificationDigestItem.create({
        data: { userId: user.id, orgId: notice.orgId, kind: notice.preferenceKind, params: notice.digestParams, href: notice.href },
      });
    if (delivery.email === "IMMEDIATE") {
      const locale = mailLocale(user.locale);
      await enqueueEmail(tx, { ...notice.email({ name: user.name, locale }), to: user.email, locale });
      emails += 1;
    }
  }
  return { userIds: told, emails };
}

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

/**
 * Sets the acting person's preferences for the kinds listed (the others keep theirs) and answers
 * the whole list. One transaction; a kind is one row per person (upserted on the unique key).
 */
export async function setNotificationPreferences(
  actor: Actor,
  data: PutNotificationPreferences,
): Promise<Result<{ items: NotificationPreference[] }>> {
  const userId = actor.userId;
  if (!userId) return personOnly();
  const stored = await db.$transaction(async (tx) => {
    for (const item of data.items) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind: item.kind } },
        create: { userId, kind: item.kind, email: item.email, inApp: item.inApp },
        update: { email: item.email, inApp: item.inApp },
      });
    }
    return tx.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true, inApp: true } });
  });
  return ok({ items: resolvePreferences(stored) });
}
