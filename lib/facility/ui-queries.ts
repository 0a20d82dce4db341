import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { countryName } from "@/lib/i18n/countries";
import { money } from "@/lib/money/currency";
import { parseAmount } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { getPortfolio } from "./portfolio";
import { applicableDeals, getFacilitySettings, listAdvances, previewEligibility } from "./queries";

/**
 * What the application form needs, in one call: the facility's terms and the studio's signed
 * cross-border deals (as licensor), each with its eligibility for an amount of 0 — the figures
 * the form then checks any typed amount against, exactly as the server will. A deal whose
 * currency has no FX rate into the facility's carries `eligibility: null`.
 */
export async function applicationOptions(actor: Actor, locale: string) {
  const facility = await getFacilitySettings(actor);
  if (!facility || actor.org.kind !== "STUDIO") return { facility: null, deals: [] };
  const deals = await applicableDeals(actor);
  const withFigures = await Promise.all(
    deals.map(async (d) => {
      const preview = await previewEligibility(actor, { dealId: d.id });
      return {
        id: d.id,
        name: d.name,
        currency: d.currency,
        licensee: { id: d.licensee.id, name: d.licensee.name, countryName: countryName(d.licensee.homeCountry, locale) },
        mgContracted: preview.ok ? preview.value.mgContracted : d.minimumGuarantee,
        mgReceived: preview.ok ? preview.value.mgReceived : null,
        eligibility: preview.ok ? preview.value : null,
      };
    }),
  );
  return {
    facility: {
      name: facility.name,
      currency: facility.currency,
      capacity: facility.capacity,
      maxPerDeal: facility.maxPerDeal,
      advanceRatePct: facility.advanceRatePct,
      maxPerLicenseePct: facility.maxPerLicenseePct,
      feePct: facility.feePct,
    },
    deals: withFigures,
  };
}

/**
 * The facility figures for the dashboard: for facility staff, capacity, utilisation and what
 * waits on them; for a studio, what its advances still owe. Null for everyone else.
 */
export async function facilityDashboardFigures(actor: Actor) {
  if (actor.org.kind === "FACILITY") {
    const p = await getPortfolio(actor);
    if (!p) return null;
    return {
      kind: "FACILITY" as const,
      capacity: p.capacity,
      principalOutstanding: p.principalOutstanding,
      owed: p.owed,
      utilisationPct: p.utilisationPct,
      awaitingReview: p.statusCounts.SUBMITTED + p.statusCounts.UNDER_REVIEW,
      awaitingDisbursement: p.statusCounts.APPROVED,
      defaulted: p.statusCounts.DEFAULTED,
    };
  }
  if (actor.org.kind === "STUDIO") {
    const facility = await getFacilitySettings(actor);
    if (!facility) return null;
    const { items } = await listAdvances(actor, { limit: 200 });
    let owed = 0n;
    for (const a of items) owed += parseAmount(a.balance.owed.amount, minorUnits(a.balance.owed.currency)) ?? 0n;
    return {
      kind: "STUDIO" as const,
      owed: money(owed, facility.currency),
      active: items.filter((a) => a.status === "DISBURSED" || a.status === "DEFAULTED").length,
      pending: items.filter((a) => a.status === "SUBMITTED" || a.status === "UNDER_REVIEW" || a.status === "APPROVED").length,
      drafts: items.filter((a) => a.status === "DRAFT").length,
    };
  }
  return null;
}
export type FacilityDashboardFigures = NonNullable<Awaited<ReturnType<typeof facilityDashboardFigures>>>;
