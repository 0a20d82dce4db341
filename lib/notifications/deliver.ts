import "server-only";
import type { Prisma, Role } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tx";
import { appUrl, enqueueEmail } from "@/lib/mail/outbox";
import { mailLocale } from "@/lib/mail/templates";
import { notificationSentence } from "./render";
import { deliveryFor, isPreferenceKind } from "./rules";
import type { NotificationKind } from "./schema";

export type NotificationParams = Record<string, string | number | boolean | null | string[]>;

export type Notice = {
  /** The receiving organisation: its members (all of them, or those named below) are told. */
  orgId: string;
  /** Only these people (still members of `orgId`), e.g. the owner of a task. */
  userIds?: readonly string[];
  /** Only members with these roles, e.g. ["OWNER", "ADMIN"] for those who should act. */
  roles?: readonly Role[];
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  /** Values the sentence needs (names, titles in both languages, amounts); plain JSON. */
  params?: NotificationParams;
  /** In-app path the notification opens (e-mails link to it too). */
  href: string;
  /** The person who caused the event is not told about it. */
  exceptUserId?: string | null;
};

export type Delivered = { inApp: number; emails: number; digest: number };

/**
 * Tells the members of one organisation about one event or reminder, each as they chose
 * (lib/notifications/rules.ts): an in-app notification, an e-mail now (through the outbox, in
 * their language), an item for their daily digest, or nothing. Runs inside the caller's
 * transaction, so what is announced exists if and only if the change was committed. Kinds
 * without preferences (edit requests) are in-app only. Returns what was written.
 */
export async function deliverNotification(tx: Tx, notice: Notice): Promise<Delivered> {
  const where: Prisma.MembershipWhereInput = { organizationId: notice.orgId };
  if (notice.userIds) where.userId = { in: [...notice.userIds] };
  if (notice.roles) where.role = { in: [...notice.roles] };
  const members = await tx.membership.findMany({
    where,
    select: {
      organization: { select: { name: true } },
      user: { select: { id: true, email: true, name: true, locale: true, emailVerifiedAt: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const people = members.filter((m) => m.user.id !== notice.exceptUserId);
  const counts: Delivered = { inApp: 0, emails: 0, digest: 0 };
  if (people.length === 0) return counts;
  const stored = isPreferenceKind(notice.kind)
    ? await tx.notificationPreference.findMany({
        where: { kind: notice.kind, userId: { in: people.map((p) => p.user.id) } },
        select: { userId: true, email: true, inApp: true },
      })
    : [];
  const prefs = new Map(stored.map((s) => [s.userId, s]));
  const params = notice.params ?? {};
  const base = { orgId: notice.orgId, kind: notice.kind, params, href: notice.href };

  const inApp: Prisma.NotificationCreateManyInput[] = [];
  const digest: Prisma.NotificationDigestItemCreateManyInput[] = [];
  for (const { user, organization } of people) {
    const delivery = deliveryFor(notice.kind, prefs.get(user.id), { emailVerified: user.emailVerifiedAt !== null });
    if (delivery.inApp) inApp.push({ ...base, userId: user.id, subjectType: notice.subjectType, subjectId: notice.subjectId });
    if (delivery.email === "DAILY_DIGEST") digest.push({ ...base, userId: user.id });
    if (delivery.email === "IMMEDIATE") {
      const locale = mailLocale(user.locale);
      await enqueueEmail(tx, {
        to: user.email,
        locale,
        template: "notification",
        vars: {
          name: user.name,
          organization: organization.name,
          text: notificationSentence(locale, notice.kind, params),
          url: appUrl(notice.href),
        },
      });
      counts.emails += 1;
    }
  }
  if (inApp.length) counts.inApp = (await tx.notification.createMany({ data: inApp })).count;
  if (digest.length) counts.digest = (await tx.notificationDigestItem.createMany({ data: digest })).count;
  return counts;
}
