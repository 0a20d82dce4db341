import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { dateOnly, toDbDate, todayUtc } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { inTx, isUniqueViolation } from "@/lib/db/tx";
import { fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { findProgramme, measure, snapshotHash } from "../queries";
import { failedCriteria, isOpen } from "../rules";
import { moneyMinor } from "../schema";

/**
 * Applying: the studio's eligibility answer of today is frozen as the application's snapshot,
 * with its SHA-256. One application per studio and programme (UNIQUE, 409); an ineligible studio
 * is refused with every failed criterion, its value and its minimum (422).
 */

function alreadyApplied(applicationId: string | undefined) {
  return fail("conflict", "ALREADY_APPLIED", "Your studio has already applied to this programme.", {
    details: applicationId ? { applicationId } : {},
  });
}

export async function applyToProgramme(actor: Actor, programmeId: string): Promise<Result<{ id: string }>> {
  if (actor.org.kind !== "STUDIO") return notFound("Programme");
  const p = await findProgramme(actor, programmeId);
  if (!p) return notFound("Programme");
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "programmes.apply")) return forbidden("Your role does not allow applying.");
  const existing = await db.programmeApplication.findFirst({ where: { programmeId: p.id, studioId: actor.org.id }, select: { id: true } });
  if (existing) return alreadyApplied(existing.id);
  const today = todayUtc();
  if (!isOpen({ opensOn: dateOnly(p.opensOn), closesOn: dateOnly(p.closesOn) }, today)) {
    return fail(
      "invalid",
      "PROGRAMME_NOT_OPEN",
      `This programme takes applications from ${dateOnly(p.opensOn)} to ${dateOnly(p.closesOn)}.`,
    );
  }
  const measured = await measure(p, actor.org, today);
  if (!measured.ok) return measured;
  const view = measured.value;
  const failed = failedCriteria(view.criteria);
  if (failed.length > 0) {
    return fail("invalid", "NOT_ELIGIBLE", `Your studio does not meet ${failed.length} of the programme's criteria.`, {
      errors: failed.map((c) => ({
        path: `criteria.${c.metric}`,
        message: `${c.metric} is ${c.value ?? "not available (no payments, no receipts)"}; the minimum is ${c.min}.`,
      })),
      details: { failed: failed.map((c) => ({ metric: c.metric, min: c.min, value: c.value })) },
    });
  }
  try {
    return await inTx(async (tx) => {
      const a = await tx.programmeApplication.create({
        data: {
          programmeId: p.id,
          studioId: actor.org.id,
          asOf: toDbDate(view.asOf),
          snapshot: view,
          snapshotHash: snapshotHash(view),
          requestedMinor: moneyMinor(view.award.amount) ?? 0n,
          submittedById: actor.userId,
        },
      });
      await recordAudit(tx, who(actor), {
        action: "programme.application.submit",
        entityType: "ProgrammeApplication",
        entityId: a.id,
        partyOrgIds: [actor.org.id, p.orgId],
        after: { status: a.status, programmeId: p.id, snapshotHash: a.snapshotHash, requested: view.award.amount },
      });
      return ok({ id: a.id });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.programmeApplication.findFirst({ where: { programmeId: p.id, studioId: actor.org.id }, select: { id: true } });
    return alreadyApplied(winner?.id);
  }
}
