import { dateOnly, dayNumber, fromDayNumber, PERPETUAL } from "@/lib/dates";
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

/**
 * Seasons of a series a grant covers: the season numbers, or empty for every season (including
 * seasons added later). Titles that are not series have one implicit season, so their grants are
 * "every season" and behave exactly as before.
 */
export type Seasons = readonly number[];
/** An inclusive run of seasons; `to` null = no end. The database stores one per slice row. */
export type SeasonRange = { from: number; to: number | null };

/** Season numbers as a grant stores them: distinct, ascending. */
export const normaliseSeasons = (seasons: Iterable<number>): number[] => [...new Set(seasons)].sort((a, b) => a - b);

/** The runs of consecutive seasons: [1, 2, 4] → [1..2], [4..4]; every season → [1..∞). */
export function seasonRanges(seasons: Seasons): SeasonRange[] {
  const sorted = normaliseSeasons(seasons);
  if (sorted.length === 0) return [{ from: 1, to: null }];
  const ranges: SeasonRange[] = [];
  for (const n of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.to === n - 1) last.to = n;
    else ranges.push({ from: n, to: n });
  }
  return ranges;
}

/** Whether two season sets share a season (every season meets anything). */
export function seasonsOverlap(a: Seasons | undefined, b: Seasons | undefined): boolean {
  if (!a || !b || a.length === 0 || b.length === 0) return true;
  const other = new Set(b);
  return a.some((n) => other.has(n));
}

/** Whether a slice's season range covers `season`; no season asked = the whole series, which any range meets. */
export function rangeCovers(range: { seasonFrom?: number; seasonTo?: number | null }, season: number | undefined): boolean {
  if (season === undefined) return true;
  const from = range.seasonFrom ?? 1;
  const to = range.seasonTo ?? null;
  return season >= from && (to === null || season <= to);
}

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

/**
 * The conflict rule: shared title, country and leaf media, overlapping windows, at least one
 * exclusive — and, for a series, at least one shared season (no seasons named = every season).
 */
export function conflicts(
  a: Expanded & Window & { titleId: string; exclusive: boolean; seasons?: Seasons },
  b: Expanded & Window & { titleId: string; exclusive: boolean; seasons?: Seasons },
): { countries: string[]; media: string[]; start: string; end: string } | null {
  if (a.titleId !== b.titleId || !(a.exclusive || b.exclusive) || !overlaps(a, b)) return null;
  if (!seasonsOverlap(a.seasons, b.seasons)) return null;
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

export type SliceRow = {
  country: string;
  media: string;
  start: string;
  end: string;
  exclusive: boolean;
  holdback: boolean;
  seasonFrom: number;
  seasonTo: number | null;
};

/**
 * The rows a signed grant occupies in grant_slice: its cells, plus its holdbacks as exclusive
 * rows, each once per run of its seasons (one run, [1, ∞), when it names none). A holdback
 * protects the seasons its grant licenses.
 */
export function grantSliceRows(
  grant: Expanded & { start: string; end: string; exclusive: boolean; holdbacks: Holdback[]; seasons?: Seasons },
): SliceRow[] {
  const rows: SliceRow[] = [];
  const runs = seasonRanges(grant.seasons ?? []);
  for (const run of runs) {
    for (const country of grant.countries) {
      for (const media of grant.media)
        rows.push({
          country,
          media,
          start: grant.start,
          end: grant.end,
          exclusive: grant.exclusive,
          holdback: false,
          seasonFrom: run.from,
          seasonTo: run.to,
        });
    }
  }
  for (const h of grant.holdbacks) {
    const w = holdbackWindow(grant.start, h.until);
    if (!w) continue;
    const scope = expandScope({ territories: h.territories, mediaRights: h.mediaRights });
    for (const run of runs) {
      for (const country of scope.countries) {
        for (const media of scope.media) {
          rows.push({
            country,
            media,
            start: fromDayNumber(w.start),
            end: fromDayNumber(w.end),
            exclusive: true,
            holdback: true,
            seasonFrom: run.from,
            seasonTo: run.to,
          });
        }
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
  /** The occupied seasons (absent: the whole series). */
  seasonFrom?: number;
  seasonTo?: number | null;
};

export type AvailStatus = "AVAILABLE" | "BLOCKED" | "NOT_HELD";
export type AvailCell = { territory: string; mediaRight: string; status: AvailStatus; blockers?: Occupant[] };

/**
 * Avails for one title: per requested country × leaf media, NOT_HELD when the rights held do not
 * cover every day of the window (exclusively, for an exclusive request), BLOCKED by occupants
 * (signed grants and holdbacks) under the conflict rule, else AVAILABLE. With a `season`, only
 * occupants covering that season block; without one the question is the whole series, which
 * any occupied season blocks.
 */
export function avails(
  request: { countries: Iterable<string>; media: Iterable<string>; window: Window; exclusive: boolean; season?: number },
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
  // Whether the rights held cover the window depends only on which held scopes reach the cell:
  // decided once per distinct set (usually one for a whole grid), not once per cell.
  const heldCovers = new Map<string, boolean>();
  const usable = held.filter((h) => !request.exclusive || h.exclusive);
  for (const country of request.countries) {
    for (const m of media) {
      let key = "";
      for (let i = 0; i < usable.length; i++) {
        const h = usable[i]!;
        if (h.countries.has(country) && h.media.has(m)) key += `${i},`;
      }
      let covered = heldCovers.get(key);
      if (covered === undefined) {
        const intervals = usable.filter((h) => h.countries.has(country) && h.media.has(m));
        covered = uncoveredRanges(request.window, intervals).length === 0;
        heldCovers.set(key, covered);
      }
      if (!covered) {
        cells.push({ territory: country, mediaRight: m, status: "NOT_HELD" });
        continue;
      }
      const blockers = (byCell.get(`${country}|${m}`) ?? []).filter(
        (o) => (o.exclusive || request.exclusive) && overlaps(windowOf(o.start, o.end), request.window) && rangeCovers(o, request.season),
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

/** How many territory codes a deal list row names; the rest are counted, not listed. */
export const MAIN_TERRITORIES = 5;

/**
 * A deal's summary for lists: its window (the first grant's start to the last grant's end, null
 * without grants) and its main territories — the codes as entered on the grants (groups and
 * regions not expanded), those named by most grants first, then A–Z, at most MAIN_TERRITORIES.
 */
export function summariseGrants(grants: { territories: string[]; start: Date; end: Date }[]) {
  const [first] = grants;
  if (!first) return { window: null, territories: [] as string[], territoryCount: 0 };
  let start = first.start;
  let end = first.end;
  const uses = new Map<string, number>();
  for (const g of grants) {
    if (g.start < start) start = g.start;
    if (g.end > end) end = g.end;
    for (const code of new Set(g.territories)) uses.set(code, (uses.get(code) ?? 0) + 1);
  }
  const ranked = [...uses].sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0)).map(([code]) => code);
  return {
    window: { start: dateOnly(start), end: dateOnly(end) },
    territories: ranked.slice(0, MAIN_TERRITORIES),
    territoryCount: ranked.length,
  };
}
