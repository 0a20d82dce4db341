import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { countryName } from "@/lib/i18n/countries";
import { applicableDeals, getFacilitySettings, previewEligibility } from "./queries";

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
