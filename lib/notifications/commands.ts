import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tx";
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
