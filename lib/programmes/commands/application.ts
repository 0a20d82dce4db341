import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import { lockRow, type Tx } from "@/lib/db/tx";
import { type Failure, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { applicationsVisibleTo, takesPart } from "../queries";
import type { ApplicationStatus } from "../rules";

/**
 * What the stages of an application share: the permission check, the locked application a
 * command acts on (tenant in the WHERE clause before the lock), the status move with its audit
 * entry in the same transaction, and the refusals.
 */

export const allowed = (actor: Actor, permission: Permission) => can({ role: actor.role, orgKind: actor.org.kind }, permission);

export function wrongStatus(status: string, action: string): Failure {
  return fail("conflict", "INVALID_STATUS", `An application that is ${status} cannot be ${action}.`, {
    details: { applicationStatus: status },
  });
}

export const lockedInclude = { programme: true } as const;
export type LockedApplication = Prisma.ProgrammeApplicationGetPayload<{ include: typeof lockedInclude }>;

/**
 * Loads an application to programme `programmeId` that the actor may see and locks its row. With
 * `lockProgramme`, the programme row is locked first (the order every command keeps: programme,
 * then application), which serialises every award of the programme against its budget.
 */
export async function lockApplication(
  tx: Tx,
  actor: Actor,
  programmeId: string,
  applicationId: string,
  options: { lockProgramme?: boolean } = {},
): Promise<Result<LockedApplication>> {
  if (!takesPart(actor)) return notFound("Application");
  const found = await tx.programmeApplication.findFirst({
    where: { AND: [{ id: applicationId, programmeId }, applicationsVisibleTo(actor)] },
    select: { id: true, programmeId: true },
  });
  if (!found) return notFound("Application");
  if (options.lockProgramme) await lockRow(tx, "programme", found.programmeId);
  await lockRow(tx, "programme_application", found.id);
  return ok(await tx.programmeApplication.findUniqueOrThrow({ where: { id: found.id }, include: lockedInclude }));
}

/** Only the programme's own staff with the permission act on its applications. */
export function staffOnly(actor: Actor, a: LockedApplication, permission: Permission, what: string): Failure | null {
  if (a.programme.orgId !== actor.org.id || !allowed(actor, permission)) return forbidden(`Only the programme's staff ${what}.`);
  return null;
}

export const parties = (a: LockedApplication) => [a.studioId, a.programme.orgId];

export async function move(
  tx: Tx,
  actor: Actor,
  a: LockedApplication,
  to: ApplicationStatus,
  data: Prisma.ProgrammeApplicationUpdateInput,
  action: string,
  after: object = {},
) {
  await tx.programmeApplication.update({ where: { id: a.id }, data: { ...data, status: to, lockVersion: { increment: 1 } } });
  await recordAudit(tx, who(actor), {
    action,
    entityType: "ProgrammeApplication",
    entityId: a.id,
    partyOrgIds: parties(a),
    before: { status: a.status },
    after: { status: to, ...after },
  });
}
