import "server-only";
import { dateOnly } from "@/lib/dates";
import type { Tx } from "@/lib/db/tx";
import { convertMinor } from "@/lib/fx/queries";
import { fail, ok, type Result } from "@/lib/result";
import { type Eligibility, eligibility } from "./rules";

/** Eligibility only reads, with raw SQL: a transaction or the client. */
type Reader = Pick<Tx, "$queryRaw">;

export type FacilityTerms = {
  id: string;
  currency: string;
  capacityMinor: bigint;
  advanceRatePct: { toString(): string };
  maxPerDealMinor: bigint;
  maxPerLicenseePct: { toString(): string };
};

export type DealForEligibility = { id: string; currency: string; mgMinor: bigint | null; licenseeId: string };

export type Conversion = {
  fromMinor: bigint;
  fromCurrency: string;
  toMinor: bigint;
  toCurrency: string;
  rate: string;
  rateDate: string;
} | null;

/** Everything an eligibility figure is made of, for the preview, the decision and its snapshot. */
export type EligibilityFigures = {
  date: string;
  facilityCurrency: string;
  dealCurrency: string;
  advanceRatePct: string;
  maxPerLicenseePct: string;
  mgContractedMinor: bigint;
  mgReceivedMinor: bigint;
  mgContractedConverted: Conversion;
  mgReceivedConverted: Conversion;
  /** Principal outstanding on the deal's DISBURSED/DEFAULTED advances (ledger sums). */
  principalOutstandingOnDealMinor: bigint;
  /** Approved, not yet disbursed, on the deal: reserved against the limits too. */
  approvedUndisbursedOnDealMinor: bigint;
  result: Eligibility;
};

/**
 * Exposure of a facility, in its currency: principal outstanding of DISBURSED and DEFAULTED
 * advances (sums of the ledger) plus the approved amount of APPROVED advances not yet disbursed.
 * Approvals reserve their amount, so two approvals can never together exceed a limit at
 * disbursement; disbursement itself does not re-check limits.
 */
export async function exposure(
  tx: Reader,
  args: { facilityId: string; dealId?: string; licenseeId?: string; excludeAdvanceId?: string },
): Promise<{
  total: bigint;
  outstanding: bigint;
  approved: bigint;
  onDealOutstanding: bigint;
  onDealApproved: bigint;
  sameLicensee: bigint;
}> {
  const exclude = args.excludeAdvanceId ?? "00000000-0000-0000-0000-000000000000";
  const dealId = args.dealId ?? "00000000-0000-0000-0000-000000000000";
  const licenseeId = args.licenseeId ?? "00000000-0000-0000-0000-000000000000";
  const [row] = await tx.$queryRaw<
    { outstanding: bigint; approved: bigint; on_deal_outstanding: bigint; on_deal_approved: bigint; same_licensee: bigint }[]
  >`
    WITH adv AS (
      SELECT a.id, a.deal_id, d.licensee_id, a.status,
             CASE WHEN a.status = 'APPROVED' THEN COALESCE(a.approved_minor, a.amount_minor) ELSE 0 END AS approved,
             CASE WHEN a.status IN ('DISBURSED', 'DEFAULTED') THEN COALESCE(b.principal, 0) ELSE 0 END AS outstanding
        FROM advance a
        JOIN deal d ON d.id = a.deal_id
        LEFT JOIN LATERAL (
          SELECT COALESCE(SUM(l.amount_minor) FILTER (WHERE l.kind = 'DISBURSEMENT'), 0) - COALESCE(SUM(l.principal_part_minor), 0) AS principal
            FROM ledger_entry l WHERE l.advance_id = a.id
        ) b ON a.status IN ('DISBURSED', 'DEFAULTED')
       WHERE a.facility_id = ${args.facilityId}::uuid
         AND a.status IN ('APPROVED', 'DISBURSED', 'DEFAULTED')
         AND a.id <> ${exclude}::uuid
    )
    SELECT COALESCE(SUM(outstanding), 0)::bigint AS outstanding,
           COALESCE(SUM(approved), 0)::bigint AS approved,
           COALESCE(SUM(outstanding) FILTER (WHERE deal_id = ${dealId}::uuid), 0)::bigint AS on_deal_outstanding,
           COALESCE(SUM(approved) FILTER (WHERE deal_id = ${dealId}::uuid), 0)::bigint AS on_deal_approved,
           COALESCE(SUM(outstanding + approved) FILTER (WHERE licensee_id = ${licenseeId}::uuid), 0)::bigint AS same_licensee
      FROM adv`;
  const outstanding = BigInt(row!.outstanding);
  const approved = BigInt(row!.approved);
  return {
    total: outstanding + approved,
    outstanding,
    approved,
    onDealOutstanding: BigInt(row!.on_deal_outstanding),
    onDealApproved: BigInt(row!.on_deal_approved),
    sameLicensee: BigInt(row!.same_licensee),
  };
}

/** MG received on a deal: Σ MG_INSTALMENT receipts (in the deal currency). */
async function mgReceived(tx: Reader, dealId: string, currency: string): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ total: bigint }[]>`
    SELECT COALESCE(SUM(amount_minor), 0)::bigint AS total FROM receipt
     WHERE deal_id = ${dealId}::uuid AND kind = 'MG_INSTALMENT' AND currency = ${currency}`;
  return BigInt(row!.total);
}

async function toFacility(tx: Reader, amountMinor: bigint, from: string, to: string, date: string) {
  if (from === to) return { ok: true as const, minor: amountMinor, conversion: null };
  const converted = await convertMinor(tx, { amountMinor, from, to, date });
  if (!converted) return { ok: false as const };
  return {
    ok: true as const,
    minor: converted.amountMinor,
    conversion: {
      fromMinor: amountMinor,
      fromCurrency: from,
      toMinor: converted.amountMinor,
      toCurrency: to,
      rate: converted.rate.rate,
      rateDate: converted.rate.date,
    },
  };
}

/**
 * Eligibility of `amountMinor` (facility currency) against a deal on `date`: the deal's MG
 * contracted and received converted into the facility currency with the FX rule on that date,
 * and every limit with its numbers. 422 FX_RATE_MISSING when the deal currency has no rate.
 */
export async function computeEligibility(
  tx: Reader,
  args: { facility: FacilityTerms; deal: DealForEligibility; amountMinor: bigint; date: Date; excludeAdvanceId?: string },
): Promise<Result<EligibilityFigures>> {
  const { facility, deal } = args;
  const date = dateOnly(args.date);
  const mgContractedMinor = deal.mgMinor ?? 0n;
  const mgReceivedMinor = await mgReceived(tx, deal.id, deal.currency);
  const contracted = await toFacility(tx, mgContractedMinor, deal.currency, facility.currency, date);
  const received = await toFacility(tx, mgReceivedMinor, deal.currency, facility.currency, date);
  if (!contracted.ok || !received.ok) {
    const message = `There is no ${deal.currency}/${facility.currency} exchange rate on or before ${date}, so the deal's MG cannot be valued in ${facility.currency}. Ask a platform admin to enter one.`;
    return fail("invalid", "FX_RATE_MISSING", message, {
      errors: [{ path: "dealId", message }],
      details: { from: deal.currency, to: facility.currency, date },
    });
  }
  const used = await exposure(tx, {
    facilityId: facility.id,
    dealId: deal.id,
    licenseeId: deal.licenseeId,
    excludeAdvanceId: args.excludeAdvanceId,
  });
  const result = eligibility({
    advanceRatePct: facility.advanceRatePct.toString(),
    mgContractedMinor: contracted.minor,
    mgReceivedMinor: received.minor,
    principalOutstandingOnDealMinor: used.onDealOutstanding + used.onDealApproved,
    amountMinor: args.amountMinor,
    maxPerDealMinor: facility.maxPerDealMinor,
    capacityMinor: facility.capacityMinor,
    totalPrincipalOutstandingMinor: used.total,
    principalOutstandingSameLicenseeMinor: used.sameLicensee,
    maxPerLicenseePct: facility.maxPerLicenseePct.toString(),
  });
  return ok({
    date,
    facilityCurrency: facility.currency,
    dealCurrency: deal.currency,
    advanceRatePct: facility.advanceRatePct.toString(),
    maxPerLicenseePct: facility.maxPerLicenseePct.toString(),
    mgContractedMinor,
    mgReceivedMinor,
    mgContractedConverted: contracted.conversion,
    mgReceivedConverted: received.conversion,
    principalOutstandingOnDealMinor: used.onDealOutstanding,
    approvedUndisbursedOnDealMinor: used.onDealApproved,
    result,
  });
}
