/**
 * Named commercial territory groups. Each says where its membership comes from:
 *
 * - ALL: every ISO 3166-1 country (WORLDWIDE; "Worldwide excluding X" is WORLDWIDE plus
 *   exclusions, not a group of its own).
 * - M49: the members of a UN M49 region (SEA = 035, LATAM = 419), names from CLDR.
 * - CLDR: a CLDR territory grouping in cldr-core's territoryContainment (EU = "EU"), names from
 *   CLDR, so membership follows CLDR releases. (CLDR's "EZ" Eurozone is not offered: CLDR 48
 *   still lists 19 members, without Croatia (2023) and Bulgaria (2026).)
 * - LIST: a short list for trade groupings no package defines, with its source.
 *
 * Group codes are upper-case words that never collide with ISO 3166-1 codes or M49 codes (the
 * tests check it). "EU" is ISO 3166-1 "exceptionally reserved", never a country code.
 */
import type { LocalizedName } from "../reference/types";
import { COUNTRIES, cldrName } from "./countries";
import { CLDR_CONTAINMENT, M49_REGIONS } from "./m49";

export type GroupSource =
  | { readonly kind: "ALL" }
  | { readonly kind: "M49"; readonly region: string }
  | { readonly kind: "CLDR"; readonly grouping: string }
  | { readonly kind: "LIST"; readonly countries: readonly string[]; readonly source: string };

type GroupDefinition = { readonly name?: LocalizedName; readonly source: GroupSource };

const DEFINITIONS = {
  WORLDWIDE: { name: { en: "Worldwide", zh: "全球" }, source: { kind: "ALL" } },
  EU: { source: { kind: "CLDR", grouping: "EU" } },
  SEA: { source: { kind: "M49", region: "035" } },
  LATAM: { source: { kind: "M49", region: "419" } },
  MENA: {
    name: { en: "Middle East and North Africa (MENA)", zh: "中东和北非" },
    source: {
      kind: "LIST",
      // The pan-Arab territory as licensed to MENA broadcasters and platforms: the 22 member
      // states of the League of Arab States (Syria's seat restored in 2023). The World Bank's
      // statistical "MENA" differs (adds IL, IR, MT; omits KM, MR, SO, SD).
      countries: [
        "AE",
        "BH",
        "DJ",
        "DZ",
        "EG",
        "IQ",
        "JO",
        "KM",
        "KW",
        "LB",
        "LY",
        "MA",
        "MR",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SO",
        "SY",
        "TN",
        "YE",
      ],
      source: "League of Arab States member states (22)",
    },
  },
  DACH: {
    name: { en: "DACH (Germany, Austria, Switzerland)", zh: "德语区（德国、奥地利、瑞士）" },
    source: { kind: "LIST", countries: ["AT", "CH", "DE"], source: "D-A-CH: the country codes it is named after" },
  },
  GREATER_CHINA: {
    name: { en: "Greater China", zh: "大中华区" },
    source: {
      kind: "LIST",
      countries: ["CN", "HK", "MO", "TW"],
      source: "Mainland China, Hong Kong SAR, Macao SAR and Taiwan (PRODUCT.md)",
    },
  },
  NORDICS: {
    name: { en: "Nordic countries", zh: "北欧国家" },
    source: {
      kind: "LIST",
      countries: ["AX", "DK", "FI", "FO", "GL", "IS", "NO", "SE"],
      source: "Nordic Council: Denmark, Finland, Iceland, Norway, Sweden, Faroe Islands, Greenland, Åland",
    },
  },
  BENELUX: {
    name: { en: "Benelux", zh: "比荷卢" },
    source: { kind: "LIST", countries: ["BE", "LU", "NL"], source: "Benelux Union member states" },
  },
  ANZ: {
    name: { en: "Australia and New Zealand (ANZ)", zh: "澳大利亚和新西兰" },
    // Not M49 053, which also holds Norfolk, Christmas, Cocos and Heard Islands.
    source: { kind: "LIST", countries: ["AU", "NZ"], source: "Australia and New Zealand" },
  },
} as const satisfies Record<string, GroupDefinition>;

export type GroupCode = keyof typeof DEFINITIONS;

export type TerritoryGroup = {
  readonly code: GroupCode;
  readonly name: LocalizedName;
  readonly source: GroupSource;
  /** Member countries, sorted. */
  readonly members: readonly string[];
};

function resolve(code: string, def: GroupDefinition): TerritoryGroup {
  const { source } = def;
  let members: string[];
  let name = def.name;
  switch (source.kind) {
    case "ALL":
      members = [...COUNTRIES.keys()];
      break;
    case "M49": {
      const region = M49_REGIONS.get(source.region);
      if (!region) throw new Error(`Group ${code}: no M49 region ${source.region}`);
      members = [...region.members];
      const cldr = cldrName(source.region);
      name ??= { en: cldr.en ?? region.name.en, zh: region.name.zh };
      break;
    }
    case "CLDR": {
      const grouping = CLDR_CONTAINMENT[source.grouping];
      if (!grouping) throw new Error(`Group ${code}: no CLDR grouping ${source.grouping}`);
      members = [...grouping._contains];
      const cldr = cldrName(source.grouping);
      if (!cldr.en || !cldr.zh) throw new Error(`Group ${code}: no CLDR name for ${source.grouping}`);
      name ??= { en: cldr.en, zh: cldr.zh };
      break;
    }
    case "LIST":
      members = [...source.countries];
      break;
  }
  const unknown = members.filter((m) => !COUNTRIES.has(m));
  if (unknown.length > 0) throw new Error(`Group ${code} has non-country members: ${unknown.join(", ")}`);
  if (!name) throw new Error(`Group ${code} has no name`);
  return Object.freeze({
    code: code as GroupCode,
    name: Object.freeze(name),
    source,
    members: Object.freeze([...new Set(members)].sort()),
  });
}

/** Every named group by code, in definition order (WORLDWIDE first). */
export const GROUPS: ReadonlyMap<string, TerritoryGroup> = new Map(
  Object.entries(DEFINITIONS).map(([code, def]) => [code, resolve(code, def)]),
);
