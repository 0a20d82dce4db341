import type { GrantSnap } from "@/lib/deals/amendment";
import { expandMediaRights } from "@/lib/reference/media-rights";
import { expandTerritories } from "@/lib/territories";

/**
 * The grants in force during a statement's period, pure. A signed amendment changes a deal's
 * grants from its `effectiveOn`; the deal's slices always hold the latest set. For a period that an
 * amendment's effective date falls after the start of, the period splits into segments, each with
 * the grant set in force then: before the first such amendment, its frozen `before` grants; from
 * each one's effective date, its `after` grants. A statement line is in force when some segment's
 * set grants its title, country, leaf media (and season, when it names one) in a window that
 * meets the segment.
 */

export type AppliedAmendment = { effectiveOn: string; before: readonly GrantSnap[]; after: readonly GrantSnap[] };
export type Segment = { from: string; to: string; grants: readonly GrantSnap[] };
export type InForceLine = { titleId: string; territory: string; mediaRight: string; season: number | null };

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The segments of [periodStart, periodEnd] by grant set, or null when no amendment takes effect
 * after the period starts (the deal's current grants govern the whole period). `amendments` are
 * the applied ones, in the order they applied.
 */
export function segmentsOf(amendments: readonly AppliedAmendment[], periodStart: string, periodEnd: string): Segment[] | null {
  const later = amendments.filter((a) => a.effectiveOn > periodStart).sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  if (later.length === 0) return null;
  const segments: Segment[] = [];
  let from = periodStart;
  let grants = later[0]!.before;
  for (const a of later) {
    if (a.effectiveOn > periodEnd) break;
    if (a.effectiveOn > from) segments.push({ from, to: dayBefore(a.effectiveOn), grants });
    from = a.effectiveOn;
    grants = a.after;
  }
  segments.push({ from, to: periodEnd, grants });
  return segments;
}

/** Whether some segment's grants cover the line in a window meeting the segment. */
export function inForce(segments: readonly Segment[], line: InForceLine): boolean {
  return segments.some((s) =>
    s.grants.some(
      (g) =>
        g.titleId === line.titleId &&
        g.start <= s.to &&
        g.end >= s.from &&
        expandTerritories(g.territories, g.excludedTerritories).has(line.territory) &&
        (expandMediaRights(g.mediaRights) as Set<string>).has(line.mediaRight) &&
        (line.season === null || !g.seasons?.length || g.seasons.includes(line.season)),
    ),
  );
}
