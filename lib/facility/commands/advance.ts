import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { refusePerson } from "@/lib/auth/person";
import type { Prisma } from "@/lib/db/generated/client";
import { lockRow, type Tx } from "@/lib/db/tx";
import { notifyParties } from "@/lib/deals/notify";
import { money } from "@/lib/money/currency";
import type { EventKind } from "@/lib/notifications/schema";
import { type Failure, type FieldError, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { visibleTo } from "../queries";
import type { AdvanceStatus } from "../rules";

/**
 * What every stage of an advance shares: the permission check, the locked advance a command
 * acts on, the status move that writes its audit entry in the same transaction, and the refusals.
 */

export const allowed = (actor: Actor, permission: Permission) => can({ role: actor.role, orgKind: actor.org.kind }, permission);
export const invalid = (errors: FieldError[]) => fail("invalid", "VALIDATION_FAILED", "Some fields need attention.", { errors });

export function wrongStatus(status: string, action: string): Failure {
  return fail("conflict", "INVALID_STATUS", `An advance that is ${status} cannot be ${action}.`, { details: { advanceStatus: status } });
}

export type Locked = Prisma.AdvanceGetPayload<{
  include: { facility: true; deal: { select: { id: true; currency: true; mgMinor: true; licenseeId: true } } };
}>;

/** Loads an advance the actor may see and locks its row for the rest of the transaction. */
export async function lockAdvance(tx: Tx, actor: Actor, id: string): Promise<Result<Locked>> {
  const found = await tx.advance.findFirst({ where: { AND: [{ id }, visibleTo(actor)] }, select: { id: true } });
  if (!found) return notFound("Advance");
  await lockRow(tx, "advance", found.id);
  const a = await tx.advance.findUniqueOrThrow({
    where: { id: found.id },
    include: { facility: true, deal: { select: { id: true, currency: true, mgMinor: true, licenseeId: true } } },
  });
  return ok(a);
}

export const parties = (a: Locked) => [a.studioId, a.facility.orgId];

export async function move(
  tx: Tx,
  actor: Actor,
  a: Locked,
  to: AdvanceStatus,
  data: Prisma.AdvanceUpdateInput,
  action: string,
  after: object = {},
) {
  await tx.advance.update({ where: { id: a.id }, data: { ...data, status: to, lockVersion: { increment: 1 } } });
  await recordAudit(tx, who(actor), {
    action,
    entityType: "Advance",
    entityId: a.id,
    partyOrgIds: parties(a),
    before: { status: a.status },
    after: { status: to, ...after },
  });
  await announce(tx, actor, a, to, { approvedMinor: typeof data.approvedMinor === "bigint" ? data.approvedMinor : null, ...after });
}

/** Which moves are announced, to whom: the facility hears of applications, the studio of everything the facility does. */
const ANNOUNCED: Partial<Record<AdvanceStatus, { kind: EventKind; to: "facility" | "studio" }>> = {
  SUBMITTED: { kind: "ADVANCE_SUBMITTED", to: "facility" },
  UNDER_REVIEW: { kind: "ADVANCE_REVIEWED", to: "studio" },
  APPROVED: { kind: "ADVANCE_DECIDED", to: "studio" },
  DECLINED: { kind: "ADVANCE_DECIDED", to: "studio" },
  DISBURSED: { kind: "ADVANCE_DISBURSED", to: "studio" },
  DEFAULTED: { kind: "ADVANCE_DEFAULTED", to: "studio" },
};

/** The notification of an advance's move (in the move's transaction), if it is one that is announced. */
export async function announce(
  tx: Tx,
  actor: Actor,
  a: Pick<Locked, "id" | "dealId" | "studioId" | "currency" | "amountMinor" | "approvedMinor"> & { facility: { orgId: string } },
  to: AdvanceStatus,
  extra: { approvedMinor?: bigint | null; reason?: unknown } = {},
) {
  const announced = ANNOUNCED[to];
  if (!announced) return;
  const amountMinor = extra.approvedMinor ?? a.approvedMinor ?? a.amountMinor;
  await notifyParties(tx, [announced.to === "facility" ? a.facility.orgId : a.studioId], {
    dealId: a.dealId,
    kind: announced.kind,
    subjectType: "Advance",
    subjectId: a.id,
    href: `/advances/${a.id}`,
    exceptUserId: actor.userId,
    params: {
      organization: actor.org.name,
      ...money(amountMinor, a.currency),
      ...(announced.kind === "ADVANCE_DECIDED" && { decision: to }),
      reason: typeof extra.reason === "string" ? extra.reason : null,
    },
  });
}

export function facilityOnly(actor: Actor, a: Locked, permission: Permission, what: string): Failure | null {
  if (a.facility.orgId !== actor.org.id || !allowed(actor, permission)) return forbidden(`Only the facility's underwriters ${what}.`);
  return null;
}

/**
 * A facility decision (review, approve, decline, default, write off): the facility's underwriter,
 * a signed-in person (API keys: 403 USER_REQUIRED) whose address is verified.
 */
export async function facilityDecider(tx: Tx, actor: Actor, a: Locked, permission: Permission, what: string): Promise<Failure | null> {
  return facilityOnly(actor, a, permission, what) ?? (await refusePerson(actor, `A facility decision (${what})`, tx));
}
