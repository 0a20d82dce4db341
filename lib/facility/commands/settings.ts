import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { inTx, lockRow } from "@/lib/db/tx";
import { money } from "@/lib/money/currency";
import type { Money } from "@/lib/money/money";
import { fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { exposure } from "../eligibility";
import type { FacilitySettingsInput } from "../schema";
import { moneyToMinor } from "../schema";
import { allowed, invalid } from "./advance";

/** Facility settings: what the facility admins change, and what a change may touch. */

export type FacilitySettingsUpdate = FacilitySettingsInput & { version?: number; acknowledgeBelowExposure?: boolean };

/** The amounts a capacity below exposure is measured by (all in the facility currency). */
export type BelowExposure = { capacity: Money; exposure: Money; principalOutstanding: Money; approvedUndisbursed: Money };
export type SettingsWarning = { code: "CAPACITY_BELOW_EXPOSURE"; detail: string } & BelowExposure;

function belowText(b: BelowExposure): string {
  const c = b.capacity.currency;
  return `Capacity ${b.capacity.amount} ${c} is below the facility's exposure of ${b.exposure.amount} ${c} (principal outstanding ${b.principalOutstanding.amount} plus approved, not yet disbursed ${b.approvedUndisbursed.amount}).`;
}

/**
 * Facility admins change the settings (optimistic lock on `version`). A change only constrains
 * new approvals: existing advances keep their amounts, currency and ledger. The currency can
 * change only while the facility has no advances (every advance and ledger amount is in it).
 * A capacity below exposure (principal outstanding + approved, not yet disbursed) is a deliberate
 * wind-down: refused (422 CAPACITY_BELOW_EXPOSURE naming both amounts) unless acknowledged, then
 * saved with a warning. Exposure is read under the facility row lock that approvals take too.
 */
export async function updateFacilitySettings(
  actor: Actor,
  input: FacilitySettingsUpdate,
): Promise<Result<{ id: string; warnings: SettingsWarning[] }>> {
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
    const used = await exposure(tx, { facilityId: fresh.id });
    const warnings: SettingsWarning[] = [];
    if (capacityMinor < used.total) {
      const c = fresh.currency;
      const below: BelowExposure = {
        capacity: money(capacityMinor, c),
        exposure: money(used.total, c),
        principalOutstanding: money(used.outstanding, c),
        approvedUndisbursed: money(used.approved, c),
      };
      if (!input.acknowledgeBelowExposure) {
        return fail(
          "invalid",
          "CAPACITY_BELOW_EXPOSURE",
          `${belowText(below)} Lowering it only stops new approvals; send "acknowledgeBelowExposure": true to save it anyway.`,
          { errors: [{ path: "capacity", message: belowText(below) }], details: below },
        );
      }
      warnings.push({
        code: "CAPACITY_BELOW_EXPOSURE",
        detail: `${belowText(below)} Saved as acknowledged: new approvals are refused until exposure falls below capacity.`,
        ...below,
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
      after: { ...settingsAudit(data), ...(warnings.length > 0 ? { acknowledgedBelowExposure: true } : {}) },
    });
    return ok({ id: fresh.id, warnings });
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
