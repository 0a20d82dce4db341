import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { type Clock, clockNow, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { lockRow } from "@/lib/db/tx";
import { fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { notifyParties } from "../notify";
import { partyOf } from "../queries";

/** The end of a deal: terminated by a party (its rights return) or expired after its last window. */

export async function terminateDeal(actor: Actor, dealId: string, reason: string, clock?: Clock): Promise<Result<{ id: string }>> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "deals.sign")) return forbidden("Only owners and admins end deals.");
  return db.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] } });
    if (!deal) return notFound("Deal");
    await lockRow(tx, "deal", deal.id);
    const fresh = await tx.deal.findUniqueOrThrow({ where: { id: deal.id } });
    if (fresh.status === "TERMINATED" || fresh.status === "EXPIRED") {
      return fail("conflict", "DEAL_SETTLED", `The deal is already ${fresh.status}.`);
    }
    // The rights return to the licensor: the slices go, the grants stay as the record.
    await tx.grantSlice.deleteMany({ where: { dealId: deal.id } });
    await tx.deal.update({
      where: { id: deal.id },
      data: {
        status: "TERMINATED",
        terminatedAt: clockNow(clock),
        ...(clock?.now && { updatedAt: clock.now }),
        terminationReason: reason,
        awaitingOrgId: null,
        lockVersion: { increment: 1 },
      },
    });
    await recordAudit(tx, who(actor), {
      action: "deal.terminate",
      entityType: "Deal",
      entityId: deal.id,
      partyOrgIds: [deal.licensorId, deal.licenseeId],
      before: { status: fresh.status },
      after: { status: "TERMINATED", reason },
    });
    await notifyParties(tx, [deal.licensorId === actor.org.id ? deal.licenseeId : deal.licensorId], {
      dealId: deal.id,
      kind: "DEAL_TERMINATED",
      subjectType: "Deal",
      subjectId: deal.id,
      href: `/deals/${deal.id}`,
      exceptUserId: actor.userId,
      params: { organization: actor.org.name, reason },
    });
    return ok({ id: deal.id });
  });
}

/**
 * SIGNED deals whose every grant has ended become EXPIRED. Run at start-up and daily
 * (`npm run deals:expire`); the slices stay, so avails of past windows still show who held them.
 */
export async function expireEndedDeals(today: string = new Date().toISOString().slice(0, 10)): Promise<string[]> {
  const ended = await db.deal.findMany({
    where: { status: "SIGNED", grants: { some: {}, every: { end: { lt: toDbDate(today) } } } },
    select: { id: true, licensorId: true, licenseeId: true },
  });
  const expired: string[] = [];
  for (const deal of ended) {
    await db.$transaction(async (tx) => {
      const changed = await tx.deal.updateMany({
        where: { id: deal.id, status: "SIGNED" },
        data: { status: "EXPIRED", lockVersion: { increment: 1 } },
      });
      if (changed.count === 0) return;
      await recordAudit(
        tx,
        { userId: null, apiKeyId: null, organizationId: null, requestId: "expiry" },
        {
          action: "deal.expire",
          entityType: "Deal",
          entityId: deal.id,
          partyOrgIds: [deal.licensorId, deal.licenseeId],
          before: { status: "SIGNED" },
          after: { status: "EXPIRED", asOf: today },
        },
      );
      expired.push(deal.id);
    });
  }
  return expired;
}
