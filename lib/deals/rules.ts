import { dayNumber, fromDayNumber, PERPETUAL } from "@/lib/dates";
import { expandMediaRights, MEDIA_RIGHT_LEAVES } from "@/lib/reference/media-rights";
import { COUNTRIES, expandTerritories } from "@/lib/territories";

/**
 * Pure rights logic: expansion of grants to country × leaf media cells, chain-of-title coverage,
 * the conflict rule of PRODUCT.md §4 and avails. No I/O; the database enforces the same conflict
 * rule with an exclusion constraint (see prisma/migrations/*_deals).
 */

export type Scope = { territories: readonly string[]; excludedTerritories?: readonly string[]; mediaRights: readonly string[] };
export type Expanded = { countries: Set<string>; media: Set<string> };

export function expandScope(scope: Scope): Expanded {
  return {
    countries: expandTerritories(scope.territories, scope.excludedTerritories ?? []),
    media: new Set(expandMediaRights(scope.mediaRights)),
  };
}

/** Inclusive day-number window; `end` PERPETUAL for open-ended rights. */
export type Window = { start: number; end: number };

export const windowOf = (start: string, end: string | null): Window => ({
  start: dayNumber(start),
  end: end === null ? PERPETUAL : dayNumber(end),
});
export const overlaps = (a: Window, b: Window) => a.start <= b.end && b.start <= a.end;

export type HeldScope = Expanded & Window & { exclusive: boolean };

/** A recorded rights-held row (dates as `YYYY-MM-DD`, `end` null for perpetual), expanded. */
export function heldScopeOf(row: Scope & { start: string; end: string | null; exclusive: boolean }): HeldScope {
  return { ...expandScope(row), ...windowOf(row.start, row.end), exclusive: row.exclusive };
}

/** With nothing recorded, a studio holds its title worldwide, in all media, perpetually, exclusively. */
export function defaultHeld(): HeldScope[] {
  return [
    {
      countries: new Set(COUNTRIES.keys()),
      media: new Set(MEDIA_RIGHT_LEAVES),
      start: Number.MIN_SAFE_INTEGER,
      end: PERPETUAL,
      exclusive: true,
    },
  ];
}

/** Parts of `want` not covered by the union of `intervals` (all inclusive). */
export function uncoveredRanges(want: Window, intervals: Window[]): Window[] {
  const sorted = intervals.filter((i) => overlaps(i, want)).sort((a, b) => a.start - b.start);
  const gaps: Window[] = [];
  let cursor = want.start;
  for (const i of sorted) {
    if (i.start > cursor) gaps.push({ start: cursor, end: Math.min(i.start - 1, want.end) });
    // Covered to the end (compared before adding a day, so a PERPETUAL end covers a PERPETUAL want).
    if (i.end >= want.end) return gaps;
    cursor = Math.max(cursor, i.end + 1);
  }
  if (cursor <= want.end) gaps.push({ start: cursor, end: want.end });
  return gaps;
}

export type Gap = { countries: string[]; media: string[]; start: string; end: string };

/**
 * Where a grant reaches beyond the rights held: per country × media, the days of its window that
 * no held scope covers (an exclusive grant needs exclusive held rights). Cells with identical
 * gaps are grouped so the answer stays short.
 */
export function uncoveredByHeld(grant: Expanded & Window & { exclusive: boolean }, held: HeldScope[]): Gap[] {
  const groups = new Map<string, { countries: Set<string>; media: Set<string>; ranges: Window[] }>();
  for (const country of grant.countries) {
    for (const media of grant.media) {
      const intervals = held.filter((h) => h.countries.has(country) && h.media.has(media) && (!grant.exclusive || h.exclusive));
      const gaps = uncoveredRanges(grant, intervals);
      if (gaps.length === 0) continue;
      const key = gaps.map((g) => `${g.start}-${g.end}`).join(",");
      const group = groups.get(key) ?? { countries: new Set(), media: new Set(), ranges: gaps };
      group.countries.add(country);
      group.media.add(media);
      groups.set(key, group);
    }
  }
  return [...groups.values()].flatMap((g) =>
    g.ranges.map((r) => ({
      countries: [...g.countries].sort(),
      media: [...g.media].sort(),
      start: fromDayNumber(r.start),
      end: fromDayNumber(r.end),
    })),
  );
}

/** The conflict rule: shared title, country and leaf media, overlapping windows, at least one exclusive. */
export function conflicts(
  a: Expanded & Window & { titleId: string; exclusive: boolean },
  b: Expanded & Window & { titleId: string; exclusive: boolean },
): { countries: string[]; media: string[]; start: string; end: string } | null {
  if (a.titleId !== b.titleId || !(a.exclusive || b.exclusive) || !overlaps(a, b)) return null;
  const countries = [...a.countries].filter((c) => b.countries.has(c));
  const media = [...a.media].filter((m) => b.media.has(m));
  if (countries.length === 0 || media.length === 0) return null;
  return {
    countries: countries.sort(),
    media: media.sort(),
    start: fromDayNumber(Math.max(a.start, b.start)),
    end: fromDayNumber(Math.min(a.end, b.end)),
  };
}

export type Holdback = { mediaRights: string[]; territories: string[]; until: string };

/** A holdback blocks its media × territories from the grant's start to the day before `until`. */
export function holdbackWindow(grantStart: string, until: string): Window | null {
  const w = { start: dayNumber(grantStart), end: dayNumber(until) - 1 };
  return w.start <= w.end ? w : null;
}

export type SliceRow = { country: string; media: string; start: string; end: string; exclusive: boolean; holdback: boolean };

/** The rows a signed grant occupies in grant_slice: its cells, plus its holdbacks as exclusive rows. */
export function grantSliceRows(grant: Expanded & { start: string; end: string; exclusive: boolean; holdbacks: Holdback[] }): SliceRow[] {
  const rows: SliceRow[] = [];
  for (const country of grant.countries) {
    for (const media of grant.media)
      rows.push({ country, media, start: grant.start, end: grant.end, exclusive: grant.exclusive, holdback: false });
  }
  for (const h of grant.holdbacks) {
    const w = holdbackWindow(grant.start, h.until);
    if (!w) continue;
    const scope = expandScope({ territories: h.territories, mediaRights: h.mediaRights });
    for (const country of scope.countries) {
      for (const media of scope.media) {
        rows.push({ country, media, start: fromDayNumber(w.start), end: fromDayNumber(w.end), exclusive: true, holdback: true });
      }
    }
  }
  return rows;
}

export type Occupant = {
  dealId: string;
  grantId: string;
  country: string;
  media: string;
  start: string;
  end: string;
  exclusive: boolean;
  holdback: boolean;
};

export type AvailStatus = "AVAILABLE" | "BLOCKED" | "NOT_HELD";
export type AvailCell = { territory: string; mediaRight: string; status: AvailStatus; blockers?: Occupant[] };

/**
 * Avails for one title: per requested country × leaf media, NOT_HELD when the rights held do not
 * cover every day of the window (exclusively, for an exclusive request), BLOCKED by occupants
 * (signed grants and holdbacks) under the conflict rule, else AVAILABLE.
 */
export function avails(
  request: { countries: Iterable<string>; media: Iterable<string>; window: Window; exclusive: boolean },
  held: HeldScope[],
  occupants: Occupant[],
): AvailCell[] {
  const byCell = new Map<string, Occupant[]>();
  for (const o of occupants) {
    const key = `${o.country}|${o.media}`;
    const list = byCell.get(key);
    if (list) list.push(o);
    else byCell.set(key, [o]);
  }
  const media = [...request.media];
  const cells: AvailCell[] = [];
  for (const country of request.countries) {
    for (const m of media) {
      const intervals = held.filter((h) => h.countries.has(country) && h.media.has(m) && (!request.exclusive || h.exclusive));
      if (uncoveredRanges(request.window, intervals).length > 0) {
        cells.push({ territory: country, mediaRight: m, status: "NOT_HELD" });
        continue;
      }
      const blockers = (byCell.get(`${country}|${m}`) ?? []).filter(
        (o) => (o.exclusive || request.exclusive) && overlaps(windowOf(o.start, o.end), request.window),
      );
      cells.push(
        blockers.length > 0
          ? { territory: country, mediaRight: m, status: "BLOCKED", blockers }
          : { territory: country, mediaRight: m, status: "AVAILABLE" },
      );
    }
  }
  return cells;
}

export type StoredHoldback = { mediaRights: string[]; territories: string[]; until: string };

/** A grant's `holdbacks` JSON column, as the commands wrote it from the grant schema. */
export function holdbacksOf(json: unknown): StoredHoldback[] {
  return Array.isArray(json) ? (json as StoredHoldback[]) : [];
}
