import "server-only";
import type { Tx } from "@/lib/db/tx";
import { deliverNotification, type Notice, type NotificationParams } from "@/lib/notifications/deliver";
import { titleNames } from "@/lib/notifications/rules";

/**
 * What every notification about a deal (or a statement, receipt or advance on it) names: the
 * deal and its titles in both languages, the reader's chosen when the sentence is written.
 */
export async function dealNoticeParams(tx: Tx, dealId: string): Promise<NotificationParams> {
  const deal = await tx.deal.findUniqueOrThrow({ where: { id: dealId }, select: { name: true } });
  const grants = await tx.grant.findMany({
    where: { dealId },
    select: { title: { select: { originalTitle: true, titleEn: true, titleZh: true } } },
    distinct: ["titleId"],
    orderBy: { titleId: "asc" },
  });
  return { deal: deal.name, ...titleNames(grants.map((g) => g.title)) };
}

/** Tells each organisation in `orgIds` (once each) about a deal event, the actor excepted. */
export async function notifyParties(
  tx: Tx,
  orgIds: readonly string[],
  notice: Omit<Notice, "orgId" | "params"> & { dealId: string; params?: NotificationParams },
): Promise<void> {
  const { dealId, params, ...rest } = notice;
  const base = await dealNoticeParams(tx, dealId);
  for (const orgId of new Set(orgIds)) await deliverNotification(tx, { ...rest, orgId, params: { ...base, ...params } });
}
