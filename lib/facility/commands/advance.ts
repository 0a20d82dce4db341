import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { refusePerson } from "@/lib/auth/person";
import type { Prisma } from "@/lib/db/generated/client";
import { lockRow, type Tx } from "@/lib/db/tx";
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
