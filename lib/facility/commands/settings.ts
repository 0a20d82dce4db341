import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { inTx, lockRow } from "@/lib/db/tx";
import { fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import type { FacilitySettingsInput } from "../schema";
import { moneyToMinor } from "../schema";
import { allowed, invalid } from "./advance";

/** Facility settings: what the facility admins change, and what a change may touch. */

export type FacilitySettingsUpdate = FacilitySettingsInput & { version?: number };

/**
 * Facility admins change the settings (optimistic lock on `version`). A change only constrains
 * new approvals: existing advances keep their amounts, currency and ledger. The currency can
 * change only while the facility has no advances (every advance and ledger amount is in it).
 */
export async function updateFacilitySettings(actor: Actor, input: FacilitySettingsUpdate): Promise<Result<{ id: string }>> {
  if (!allowed(actor, "facility.manage")) return forbidden("Only facility owners and admins change the facility's settings.");
  const capacityMinor = moneyToMinor(input.capacity);
  const maxPerDealMinor = moneyToMinor(input.maxPerDeal);
  if (capacityMinor === null || maxPerDealMinor === null) {
    return invalid([{ path: capacityMinor === null ? "capacity.amount" : "maxPerDeal.amount", message: "Use the currency's digits." }]);
  }
  return inTx(async (tx) => {
    const facility = await tx.facility.findFirst({ where: { orgId: actor.org.id } });
    if (!facility) return notFound("Facility");
    await lockRow(tx, "facility", facility.id);
    const fresh = await tx.facility.findUniqueOrThrow({ where: { id: facility.id } });
    if (input.version !== undefined && input.version !== fresh.lockVersion) {
      return fail(
        "conflict",
        "STALE_UPDATE",
        "Someone changed the facility settings since you loaded them. Reload and apply your change again.",
      );
    }
    if (input.currency !== fresh.currency && (await tx.advance.count({ where: { facilityId: fresh.id } })) > 0) {
      return fail("conflict", "CURRENCY_LOCKED", `The facility has advances in ${fresh.currency}; its currency can no longer change.`, {
        errors: [{ path: "currency", message: `Keep ${fresh.currency}: advances exist in it.` }],
      });
    }
    const data = {
      currency: input.currency,
      capacityMinor,
      advanceRatePct: input.advanceRatePct,
      maxPerDealMinor,
      maxPerLicenseePct: input.maxPerLicenseePct,
      feePct: input.feePct,
      sweepPct: input.sweepPct,
    };
    await tx.facility.update({ where: { id: fresh.id }, data: { ...data, lockVersion: { increment: 1 } } });
    await recordAudit(tx, who(actor), {
      action: "facility.settings.update",
      entityType: "Facility",
      entityId: fresh.id,
      partyOrgIds: [actor.org.id],
      before: settingsAudit(fresh),
      after: settingsAudit(data),
    });
    return ok({ id: fresh.id });
  });
}

function settingsAudit(f: {
  currency: string;
  capacityMinor: bigint;
  advanceRatePct: { toString(): string };
  maxPerDealMinor: bigint;
  maxPerLicenseePct: { toString(): string };
  feePct: { toString(): string };
  sweepPct: { toString(): string };
}) {
  return {
    currency: f.currency,
    capacityMinor: f.capacityMinor.toString(),
    advanceRatePct: f.advanceRatePct.toString(),
    maxPerDealMinor: f.maxPerDealMinor.toString(),
    maxPerLicenseePct: f.maxPerLicenseePct.toString(),
    feePct: f.feePct.toString(),
    sweepPct: f.sweepPct.toString(),
  };
}
