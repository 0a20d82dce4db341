import { describe, expect, it } from "vitest";
import { listOrder, type MultiSelectOption, runsOf, searchOptions, toggled } from "./multi-select-model";

const territories: MultiSelectOption[] = [
  { value: "SEA", label: "Southeast Asia", group: "GROUP", hint: "SEA · 11 countries" },
  { value: "TH", label: "Thailand", group: "COUNTRY", hint: "TH" },
  { value: "KH", label: "Cambodia", group: "COUNTRY", hint: "KH" },
  { value: "035", label: "South-eastern Asia", group: "REGION", hint: "11 countries" },
  { value: "CI", label: "Côte d’Ivoire", group: "COUNTRY", hint: "CI", keywords: "Ivory Coast" },
  { value: "NL", label: "Netherlands", group: "COUNTRY", hint: "NL" },
];
const labels = (options: MultiSelectOption[]) => options.map((o) => o.value);

describe("searchOptions", () => {
  it("lists every option in list order for an empty query", () => {
    expect(labels(searchOptions(territories, "  "))).toEqual(["SEA", "TH", "KH", "035", "CI", "NL"]);
  });

  it("puts the exact code first, so Enter on 'TH' adds Thailand, not a name containing the letters", () => {
    expect(searchOptions(territories, "th")[0]?.value).toBe("TH");
    // "South-eastern Asia" and "Southeast Asia" contain "th" but come after the exact code.
    expect(labels(searchOptions(territories, "th"))).toEqual(["TH", "SEA", "035", "NL"]);
  });

  it("ranks names that start with the query before codes that do, before the rest", () => {
    const languages: MultiSelectOption[] = [
      { value: "bes", label: "Betawi" },
      { value: "es-419", label: "Latin American Spanish" },
      { value: "et", label: "Estonian" },
      { value: "es", label: "Spanish" },
      { value: "eu", label: "Basque" },
    ];
    expect(labels(searchOptions(languages, "ES"))).toEqual(["es", "et", "es-419", "bes"]);
  });

  it("ignores diacritics and case, and matches the hint and extra keywords", () => {
    expect(labels(searchOptions(territories, "COTE"))).toEqual(["CI"]);
    expect(labels(searchOptions(territories, "ivory"))).toEqual(["CI"]);
    expect(labels(searchOptions(territories, "11 countries"))).toEqual(["SEA", "035"]);
  });

  it("finds nothing for a query nothing contains", () => {
    expect(searchOptions(territories, "zz")).toEqual([]);
  });
});

describe("listOrder", () => {
  it("orders options by their group's place, keeping list order within a group", () => {
    const groups = [{ key: "GROUP" }, { key: "REGION" }, { key: "COUNTRY" }];
    expect(labels(listOrder(territories, groups))).toEqual(["SEA", "035", "TH", "KH", "CI", "NL"]);
  });

  it("puts options of an unknown group last, and keeps the order without groups", () => {
    expect(labels(listOrder(territories, [{ key: "REGION" }]))).toEqual(["035", "SEA", "TH", "KH", "CI", "NL"]);
    expect(labels(listOrder(territories))).toEqual(labels(territories));
  });
});

describe("runsOf", () => {
  it("groups consecutive rows under one heading, and repeats a heading a search splits", () => {
    const runs = runsOf(searchOptions(territories, "th"));
    expect(runs.map((r) => [r.group, labels(r.rows)])).toEqual([
      ["COUNTRY", ["TH"]],
      ["GROUP", ["SEA"]],
      ["REGION", ["035"]],
      ["COUNTRY", ["NL"]],
    ]);
  });
});

describe("toggled", () => {
  it("adds a value at the end, and removes a chosen one", () => {
    expect(toggled(["TH"], "KH")).toEqual(["TH", "KH"]);
    expect(toggled(["TH", "KH"], "TH")).toEqual(["KH"]);
  });
});
