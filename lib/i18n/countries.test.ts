import { describe, expect, it } from "vitest";
import { countryName, countryOptions, matchesCountry } from "./countries";

const find = (locale: string, code: string) => {
  const option = countryOptions(locale).find((c) => c.code === code);
  if (!option) throw new Error(`no ${code}`);
  return option;
};

describe("countries", () => {
  it("lists the 249 ISO 3166-1 countries (not XK) named in the UI language", () => {
    const zh = countryOptions("zh");
    expect(zh).toHaveLength(249);
    expect(zh.some((c) => c.code === "XK")).toBe(false);
    expect(find("zh", "TH")).toMatchObject({ name: "泰国", englishName: "Thailand" });
    expect(find("en", "CN").name).toBe("China");
    expect(countryName("BR", "en")).toBe("Brazil");
    expect(countryName("kr", "zh")).toBe("韩国");
  });

  it("sorts by the locale's collation", () => {
    const names = countryOptions("en").map((c) => c.name);
    expect(names.indexOf("Åland Islands")).toBeLessThan(names.indexOf("Albania"));
    expect(names.indexOf("China")).toBeLessThan(names.indexOf("Denmark"));
  });

  it("finds countries by shown name, English name, alias or code, ignoring accents", () => {
    expect(matchesCountry(find("zh", "TH"), "泰")).toBe(true);
    expect(matchesCountry(find("zh", "TH"), "thai")).toBe(true);
    expect(matchesCountry(find("zh", "TH"), "th")).toBe(true);
    expect(matchesCountry(find("en", "US"), "usa")).toBe(true);
    expect(matchesCountry(find("en", "CN"), "中国")).toBe(true);
    expect(matchesCountry(find("en", "RE"), "reunion")).toBe(true);
    expect(matchesCountry(find("en", "TH"), "brazil")).toBe(false);
  });
});
