import { cleanNumber } from "@/components/forms/group-digits";
import type { AmendmentInput } from "@/lib/deals/schema";

/** A grant the amendment dialog may change; `seriesSeasons`: the seasons its title has (empty: not a series, or none yet). */
export type GrantChoice = {
  id: string;
  label: string;
  start: string;
  end: string;
  territories: string[];
  seasons: number[];
  seriesSeasons: number[];
};

/** The amendment dialog's fields as typed. */
export type AmendValues = {
  grantId: string;
  start: string;
  end: string;
  addTerritories: string;
  /** The seasons the grant will name (empty: every season). */
  seasons: number[];
  minimumGuarantee: string;
  effectiveOn: string;
  note: string;
};

const sorted = (a: readonly number[]) => [...a].sort((x, y) => x - y);
const sameSeasons = (a: readonly number[], b: readonly number[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/**
 * The dialog's values → the amendment the API takes: only what changed goes into `updateGrants`
 * (a new window end, added territories, the seasons of a series when they differ from the grant's),
 * a new MG into `terms`.
 */
export function amendmentPayload(v: AmendValues, grants: readonly GrantChoice[], currency: string): AmendmentInput {
  const grant = grants.find((g) => g.id === v.grantId);
  const added = v.addTerritories
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const update = {
    grantId: v.grantId,
    ...(v.start && { start: v.start }),
    ...(v.end && { end: v.end }),
    ...(added.length > 0 && grant && { territories: [...new Set([...grant.territories, ...added])] }),
    ...(grant && grant.seriesSeasons.length > 0 && !sameSeasons(v.seasons, grant.seasons) && { seasons: sorted(v.seasons) }),
  };
  return {
    effectiveOn: v.effectiveOn,
    note: v.note.trim() || null,
    changes: {
      ...(Object.keys(update).length > 1 && { updateGrants: [update] }),
      // The MG field groups thousands as typed ("1,250,000.00"); the API takes the plain number.
      ...(cleanNumber(v.minimumGuarantee) && { terms: { minimumGuarantee: { amount: cleanNumber(v.minimumGuarantee), currency } } }),
    },
  };
}
