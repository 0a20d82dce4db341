/**
 * The territory rules every feature uses: what a code is, and which countries a mix of codes
 * (countries, M49 regions, named groups) with exclusions covers.
 *
 * Codes are exact: ISO 3166-1 alpha-2 upper case ("VN"), M49 as three-character strings ("035"),
 * group codes upper case ("SEA"). Use `normalizeTerritoryCode` on user input (CSV, query strings)
 * before validating it.
 */
import { UnknownReferenceCodeError } from "../reference/errors";
import type { LocalizedName } from "../reference/types";
import { COUNTRIES, type Country } from "./countries";
import { GROUPS } from "./groups";
import { COUNTRY_M49_REGIONS, M49_REGIONS } from "./m49";

export type TerritoryType = "COUNTRY" | "REGION" | "GROUP";

/** One item of `GET /api/v1/territories`. `members` (sorted country codes) for regions and groups. */
export type TerritoryItem = {
  readonly code: string;
  readonly type: TerritoryType;
  readonly name: LocalizedName;
  readonly members?: readonly string[];
};

/** Trims and upper-cases a code typed by a person or read from a file ("vn " → "VN"). */
export function normalizeTerritoryCode(code: string): string {
  return code.trim().toUpperCase();
}

/** What a code is, or undefined when it is none of the three. */
export function territoryType(code: string): TerritoryType | undefined {
  if (COUNTRIES.has(code)) return "COUNTRY";
  if (M49_REGIONS.has(code)) return "REGION";
  if (GROUPS.has(code)) return "GROUP";
  return undefined;
}

export function isTerritoryCode(code: string): boolean {
  return territoryType(code) !== undefined;
}

export function isCountryCode(code: string): boolean {
  return COUNTRIES.has(code);
}

/** The codes among `codes` that are not territories (duplicates removed, input order kept). */
export function unknownTerritoryCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((c) => !isTerritoryCode(c)))];
}

/** The countries one code covers (a country covers itself). Undefined for an unknown code. */
export function territoryMembers(code: string): readonly string[] | undefined {
  if (COUNTRIES.has(code)) return [code];
  return M49_REGIONS.get(code)?.members ?? GROUPS.get(code)?.members;
}

/**
 * Expands any mix of country, M49 region and group codes to the set of countries they cover,
 * minus the countries covered by `excluded` (which may also hold regions and groups):
 * `expandTerritories(["WORLDWIDE"], ["CN"])` → 248 countries; `(["SEA"], ["VN"])` → 10.
 *
 * Throws `UnknownReferenceCodeError` (kind "territory") listing every unknown code of both lists;
 * nothing is silently dropped. Excluding a country that was not included is not an error.
 */
export function expandTerritories(codes: readonly string[], excluded: readonly string[] = []): Set<string> {
  const unknown = unknownTerritoryCodes([...codes, ...excluded]);
  if (unknown.length > 0) throw new UnknownReferenceCodeError("territory", unknown);
  const out = new Set<string>();
  for (const code of codes) for (const c of territoryMembers(code) as readonly string[]) out.add(c);
  for (const code of excluded) for (const c of territoryMembers(code) as readonly string[]) out.delete(c);
  return out;
}

/** Country detail: codes, names, and its UN M49 regions (innermost first). */
export function getCountry(code: string): (Country & { readonly regions: readonly string[] }) | undefined {
  const c = COUNTRIES.get(code);
  return c && { ...c, regions: COUNTRY_M49_REGIONS.get(code) ?? [] };
}

export function getRegion(code: string) {
  return M49_REGIONS.get(code);
}

export function getGroup(code: string) {
  return GROUPS.get(code);
}

/** Display name of any territory code, or undefined when unknown. */
export function territoryName(code: string): LocalizedName | undefined {
  return (COUNTRIES.get(code) ?? M49_REGIONS.get(code) ?? GROUPS.get(code))?.name;
}

let items: readonly TerritoryItem[] | undefined;

/**
 * `GET /api/v1/territories` → `{items: listTerritories()}`: groups (WORLDWIDE first), then M49
 * regions (by code), then countries (by code). Optionally only one type.
 */
export function listTerritories(options: { type?: TerritoryType } = {}): readonly TerritoryItem[] {
  items ??= Object.freeze([
    ...[...GROUPS.values()].map((g) => Object.freeze({ code: g.code, type: "GROUP" as const, name: g.name, members: g.members })),
    ...[...M49_REGIONS.values()].map((r) => Object.freeze({ code: r.code, type: "REGION" as const, name: r.name, members: r.members })),
    ...[...COUNTRIES.values()].map((c) => Object.freeze({ code: c.code, type: "COUNTRY" as const, name: c.name })),
  ]);
  return options.type ? items.filter((i) => i.type === options.type) : items;
}
