import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tx";
import { ok, type Result } from "@/lib/result";
import { deliverNotification, type Notice } from "./deliver";
import { personOnly } from "./people";
import { resolvePreferences } from "./rules";
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
